# Beschriftungen der HTML-Seiten, auf Deutsch: die Seite eines Problems und die Dokumentationsseite
# eines Problemtyps. Die Namen der Member selbst (`retry_after`) bleiben so, wie sie gesendet werden.

page-type = Typ
page-status = Status
page-code = Code
page-instance = Instanz
page-request-id = Anfrage-ID
page-members = Member
page-headers = Header
page-example = Beispiel
page-errors = Fehler
# Die Spalten der Tabelle der Feldfehler.
page-error-location = Position
page-error-code = Code
page-error-detail = Detail
# Wie die Position eines Eintrags angegeben wird.
page-location-pointer = JSON-Pointer
page-location-parameter = Parameter
page-location-header = Header
# The catalogue of every problem type, and its field-error codes.
page-catalogue = Problemtypen
page-field-codes = Fehlercodes für Felder
