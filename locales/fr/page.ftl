# Libellés des pages HTML, en français : la page d'un problème et la page de documentation
# d'un type de problème. Les noms des membres eux-mêmes (`retry_after`) restent tels qu'ils sont envoyés.

page-type = Type
page-status = Statut
page-code = Code
page-instance = Instance
page-request-id = Identifiant de requête
page-members = Membres
page-headers = En-têtes
page-example = Exemple
page-errors = Erreurs
# Les colonnes du tableau des erreurs de champ.
page-error-location = Emplacement
page-error-code = Code
page-error-detail = Détail
# Comment l'emplacement d'une entrée est indiqué.
page-location-pointer = Pointeur JSON
page-location-parameter = Paramètre
page-location-header = En-tête
# The catalogue of every problem type, and its field-error codes.
page-catalogue = Types de problèmes
page-field-codes = Codes d'erreur de champ
