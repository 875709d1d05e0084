# Messages intégrés de pardon, en français.
#
# La valeur du message d'un type de problème est son titre ; son attribut `.detail` en est le détail.
# Son attribut `.description` indique quand il se produit, pour la page de documentation du type.
# La valeur du message d'un code d'erreur de champ est le détail d'une entrée de `errors`.
# Un motif qui utilise des arguments peut avoir un jumeau `-generic` qui s'en passe (`.detail-generic`
# pour `.detail`, `.generic` pour la valeur) : il est envoyé lorsqu'un argument manque, afin
# qu'aucun `{ $placeholder }` ne parvienne jamais à un client.

## Problem types

VALIDATION_ERROR = Échec de la validation
    .detail = Un ou plusieurs champs de la requête sont invalides ; consultez errors pour le détail de chacun.
    .description = La requête est bien formée, mais certains de ses champs ne passent pas la validation. Tous les champs en échec sont listés ensemble dans errors.

MALFORMED_JSON = JSON mal formé
    .detail = Le corps de la requête n'est pas du JSON valide (ligne { $line }, colonne { $column }).
    .detail-generic = Le corps de la requête n'est pas du JSON valide.
    .description = Le corps de la requête n'a pas pu être analysé en tant que JSON. La position de la première erreur est indiquée ; le corps lui-même n'est jamais reproduit.

AUTH_REQUIRED = Authentification requise
    .detail = Cette requête nécessite des identifiants ; envoyez un en-tête Authorization.
    .description = La requête ne contient aucun identifiant. L'en-tête WWW-Authenticate indique comment s'authentifier.

INVALID_TOKEN = Jeton invalide
    .detail = Le jeton d'accès est invalide, expiré ou révoqué.
    .description = La requête contient des identifiants qui ne peuvent pas être acceptés.

INSUFFICIENT_PERMISSIONS = Autorisations insuffisantes
    .detail = Vous êtes authentifié, mais vous n'êtes pas autorisé à effectuer cette action.
    .description = L'appelant est connu, mais il ne dispose pas de l'autorisation requise pour cette action.

ROUTE_NOT_FOUND = Route introuvable
    .detail = Aucun point de terminaison n'existe pour ce chemin.
    .description = Le chemin ne correspond à aucun point de terminaison de cette API.

METHOD_NOT_ALLOWED = Méthode non autorisée
    .detail = Ce point de terminaison ne prend pas en charge la méthode de la requête ; l'en-tête Allow indique celles qu'il accepte.
    .description = Le point de terminaison existe, mais pas pour cette méthode.

NOT_ACCEPTABLE = Non acceptable
    .detail = Aucun des formats que cette API peut envoyer n'est acceptable pour le client.
    .description = L'en-tête Accept exclut tous les formats proposés par cette API.

CONFLICT = Conflit
    .detail = La requête est en conflit avec l'état actuel de la ressource.
    .description = La requête ne peut pas être appliquée à la ressource dans son état actuel.

PAYLOAD_TOO_LARGE = Contenu trop volumineux
    .detail = Le corps de la requête dépasse la taille acceptée par ce point de terminaison.
    .description = Le corps de la requête dépasse la taille maximale autorisée par le point de terminaison.

UNSUPPORTED_MEDIA_TYPE = Type de média non pris en charge
    .detail = Le Content-Type du corps de la requête ne fait pas partie de ceux que ce point de terminaison sait lire.
    .description = Le corps de la requête est dans un format que le point de terminaison n'accepte pas.

RATE_LIMITED = Trop de requêtes
    .detail = { $retry_after ->
        [one] Vous avez envoyé trop de requêtes. Réessayez dans { $retry_after } seconde.
       *[other] Vous avez envoyé trop de requêtes. Réessayez dans { $retry_after } secondes.
    }
    .detail-generic = Vous avez envoyé trop de requêtes. Réessayez plus tard.
    .description = L'appelant a envoyé plus de requêtes que sa limite ne le permet. L'en-tête Retry-After indique quand réessayer.

INTERNAL_ERROR = Erreur interne
    .detail = Une erreur inattendue s'est produite. Elle a été journalisée ; indiquez l'identifiant de la requête lorsque vous la signalez.
    .description = Une défaillance du service lui-même. Sa cause est journalisée, mais jamais transmise.

UPSTREAM_ERROR = Erreur d'un service amont
    .detail = Un service dont dépend cette API a échoué ou n'a pas pu être joint.
    .description = Un service situé derrière cette API a échoué ou n'a pas pu être joint.

SERVICE_UNAVAILABLE = Service indisponible
    .detail = Le service est temporairement indisponible. Veuillez réessayer plus tard.
    .description = Le service est volontairement indisponible, pour maintenance ou en raison d'une forte charge. L'en-tête Retry-After, lorsqu'il est présent, indique quand réessayer.

UPSTREAM_TIMEOUT = Délai d'attente d'un service amont dépassé
    .detail = Un service dont dépend cette API n'a pas répondu à temps.
    .description = Un service situé derrière cette API n'a pas répondu à temps.

## Field-error codes

REQUIRED = Ce champ est obligatoire.
INVALID_FORMAT = Cette valeur n'a pas le format attendu.
TOO_SHORT = { $min ->
    [one] Doit comporter au moins { $min } caractère.
   *[other] Doit comporter au moins { $min } caractères.
}
    .generic = Cette valeur est trop courte.
TOO_LONG = { $max ->
    [one] Doit comporter au plus { $max } caractère.
   *[other] Doit comporter au plus { $max } caractères.
}
    .generic = Cette valeur est trop longue.
OUT_OF_RANGE = Doit être compris entre { $min } et { $max }.
    .generic = Cette valeur est en dehors de la plage autorisée.
INVALID_TYPE = Cette valeur n'est pas du bon type.
UNKNOWN_VALUE = Cette valeur ne fait référence à rien d'existant.
