# Die eingebauten Meldungen von pardon, auf Deutsch.
#
# Der Wert der Meldung eines Problemtyps ist sein Titel; sein Attribut `.detail` ist sein Detail.
# Sein Attribut `.description` beschreibt, wann er auftritt, für die Dokumentationsseite des Typs.
# Der Wert der Meldung eines Feldfehlercodes ist das Detail eines Eintrags in `errors`.
# Ein Muster, das Argumente verwendet, kann ein `-generic`-Gegenstück ohne sie haben (`.detail-generic`
# für `.detail`, `.generic` für den Wert): Es wird gesendet, wenn ein Argument fehlt, damit nie
# ein `{ $placeholder }` bei einem Client ankommt.

## Problem types

VALIDATION_ERROR = Validierung fehlgeschlagen
    .detail = Ein oder mehrere Felder der Anfrage sind ungültig; Einzelheiten zu jedem Feld stehen in errors.
    .description = Die Anfrage ist wohlgeformt, aber einige ihrer Felder bestehen die Validierung nicht. Alle fehlerhaften Felder werden gemeinsam in errors aufgeführt.

MALFORMED_JSON = Fehlerhaftes JSON
    .detail = Der Anfragetext ist kein gültiges JSON (Zeile { $line }, Spalte { $column }).
    .detail-generic = Der Anfragetext ist kein gültiges JSON.
    .description = Der Anfragetext konnte nicht als JSON geparst werden. Die Position des ersten Fehlers wird angegeben; der Anfragetext selbst wird nie wiedergegeben.

AUTH_REQUIRED = Authentifizierung erforderlich
    .detail = Diese Anfrage erfordert Anmeldedaten; senden Sie einen Authorization-Header.
    .description = Die Anfrage enthält keine Anmeldedaten. Der WWW-Authenticate-Header gibt an, wie die Authentifizierung erfolgt.

INVALID_TOKEN = Ungültiges Token
    .detail = Das Zugriffstoken ist ungültig, abgelaufen oder widerrufen.
    .description = Die Anfrage enthält Anmeldedaten, die nicht akzeptiert werden können.

INSUFFICIENT_PERMISSIONS = Unzureichende Berechtigungen
    .detail = Sie sind authentifiziert, aber nicht berechtigt, diese Aktion auszuführen.
    .description = Der Aufrufer ist bekannt, ihm fehlt aber die Berechtigung, die diese Aktion erfordert.

ROUTE_NOT_FOUND = Route nicht gefunden
    .detail = Unter diesem Pfad gibt es keinen Endpunkt.
    .description = Der Pfad entspricht keinem Endpunkt dieser API.

METHOD_NOT_ALLOWED = Methode nicht erlaubt
    .detail = Dieser Endpunkt unterstützt die Anfragemethode nicht; der Allow-Header führt die unterstützten Methoden auf.
    .description = Der Endpunkt existiert, aber nicht für diese Methode.

NOT_ACCEPTABLE = Nicht akzeptabel
    .detail = Keines der Formate, die diese API senden kann, wird vom Client akzeptiert.
    .description = Der Accept-Header schließt jedes Format aus, das diese API anbietet.

CONFLICT = Konflikt
    .detail = Die Anfrage steht im Konflikt mit dem aktuellen Zustand der Ressource.
    .description = Die Anfrage kann auf die Ressource in ihrem jetzigen Zustand nicht angewendet werden.

PAYLOAD_TOO_LARGE = Anfragetext zu groß
    .detail = Der Anfragetext ist größer, als dieser Endpunkt akzeptiert.
    .description = Der Anfragetext überschreitet die Größenbeschränkung des Endpunkts.

UNSUPPORTED_MEDIA_TYPE = Nicht unterstützter Medientyp
    .detail = Der Content-Type des Anfragetexts gehört nicht zu denen, die dieser Endpunkt lesen kann.
    .description = Der Anfragetext liegt in einem Format vor, das der Endpunkt nicht akzeptiert.

RATE_LIMITED = Zu viele Anfragen
    .detail = { $retry_after ->
        [one] Sie haben zu viele Anfragen gesendet. Versuchen Sie es in { $retry_after } Sekunde erneut.
       *[other] Sie haben zu viele Anfragen gesendet. Versuchen Sie es in { $retry_after } Sekunden erneut.
    }
    .detail-generic = Sie haben zu viele Anfragen gesendet. Versuchen Sie es später erneut.
    .description = Der Aufrufer hat mehr Anfragen gesendet, als sein Limit erlaubt. Der Retry-After-Header gibt an, wann ein erneuter Versuch möglich ist.

INTERNAL_ERROR = Interner Fehler
    .detail = Ein unerwarteter Fehler ist aufgetreten. Er wurde protokolliert; geben Sie die Anfrage-ID an, wenn Sie ihn melden.
    .description = Ein Fehler des Dienstes selbst. Seine Ursache wird protokolliert, aber nie übermittelt.

UPSTREAM_ERROR = Fehler eines vorgelagerten Dienstes
    .detail = Ein Dienst, von dem diese API abhängt, ist ausgefallen oder war nicht erreichbar.
    .description = Ein Dienst hinter dieser API ist ausgefallen oder war nicht erreichbar.

SERVICE_UNAVAILABLE = Dienst nicht verfügbar
    .detail = Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es später erneut.
    .description = Der Dienst ist absichtlich nicht verfügbar, etwa wegen Wartungsarbeiten oder hoher Last. Der Retry-After-Header gibt, falls vorhanden, an, wann ein erneuter Versuch möglich ist.

UPSTREAM_TIMEOUT = Zeitüberschreitung eines vorgelagerten Dienstes
    .detail = Ein Dienst, von dem diese API abhängt, hat nicht rechtzeitig geantwortet.
    .description = Ein Dienst hinter dieser API hat nicht rechtzeitig geantwortet.

## Field-error codes

REQUIRED = Dieses Feld ist erforderlich.
INVALID_FORMAT = Dieser Wert hat nicht das erwartete Format.
TOO_SHORT = { $min ->
    [one] Muss mindestens { $min } Zeichen lang sein.
   *[other] Muss mindestens { $min } Zeichen lang sein.
}
    .generic = Dieser Wert ist zu kurz.
TOO_LONG = { $max ->
    [one] Darf höchstens { $max } Zeichen lang sein.
   *[other] Darf höchstens { $max } Zeichen lang sein.
}
    .generic = Dieser Wert ist zu lang.
OUT_OF_RANGE = Muss zwischen { $min } und { $max } liegen.
    .generic = Dieser Wert liegt außerhalb des zulässigen Bereichs.
INVALID_TYPE = Dieser Wert hat den falschen Typ.
UNKNOWN_VALUE = Dieser Wert verweist auf nichts, was existiert.
