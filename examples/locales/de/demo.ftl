# Die eigenen Meldungen der Demo-Anwendung, auf Deutsch.

USER_NOT_FOUND = Benutzer nicht gefunden
    .detail = Es gibt keinen Benutzer mit der ID { $id }.
    .detail-generic = Es gibt keinen Benutzer mit dieser ID.
    .description = Der Benutzer existiert nicht, oder der Aufrufer darf ihn nicht sehen: Beide Fälle sehen gleich aus, damit die Existenz eines privaten Benutzers nicht preisgegeben wird.

DUPLICATE_EMAIL = E-Mail-Adresse bereits registriert
    .detail = Ein Benutzer mit der E-Mail-Adresse { $email } existiert bereits.
    .detail-generic = Ein Benutzer mit dieser E-Mail-Adresse existiert bereits.
    .description = Die E-Mail-Adresse des neuen Benutzers gehört bereits einem bestehenden Benutzer.

INSUFFICIENT_INVENTORY = Unzureichender Lagerbestand
    .detail = { $available ->
        [0] Produkt { NUMBER($product_id, useGrouping: "false") } ist nicht mehr auf Lager; die angeforderte Menge beträgt { $requested }.
        [one] Von Produkt { NUMBER($product_id, useGrouping: "false") } ist nur noch { $available } Stück auf Lager; die angeforderte Menge beträgt { $requested }.
       *[other] Von Produkt { NUMBER($product_id, useGrouping: "false") } sind nur noch { $available } Stück auf Lager; die angeforderte Menge beträgt { $requested }.
    }
    .detail-generic = Von einem Produkt der Bestellung sind zu wenige Stück auf Lager.
    .description = Die Bestellung verlangt mehr Einheiten eines Produkts, als auf Lager sind.
