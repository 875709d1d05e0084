# Messages propres à l'application de démonstration, en français.

USER_NOT_FOUND = Utilisateur introuvable
    .detail = Aucun utilisateur n'a l'identifiant { $id }.
    .detail-generic = Aucun utilisateur n'a cet identifiant.
    .description = L'utilisateur n'existe pas, ou l'appelant n'a pas le droit de le voir : les deux cas sont indiscernables, afin de ne pas révéler l'existence d'un utilisateur privé.

DUPLICATE_EMAIL = Adresse e-mail déjà enregistrée
    .detail = Un utilisateur avec l'adresse e-mail { $email } existe déjà.
    .detail-generic = Un utilisateur avec cette adresse e-mail existe déjà.
    .description = L'adresse e-mail du nouvel utilisateur appartient à un utilisateur existant.

INSUFFICIENT_INVENTORY = Stock insuffisant
    .detail = { $available ->
        [0] Le produit { NUMBER($product_id, useGrouping: "false") } est en rupture de stock ; la quantité demandée est de { $requested }.
        [one] Le produit { NUMBER($product_id, useGrouping: "false") } n'a que { $available } article en stock ; la quantité demandée est de { $requested }.
       *[other] Le produit { NUMBER($product_id, useGrouping: "false") } n'a que { $available } articles en stock ; la quantité demandée est de { $requested }.
    }
    .detail-generic = Un produit de la commande n'a pas assez d'articles en stock.
    .description = La commande demande plus d'unités d'un produit qu'il n'y en a en stock.
