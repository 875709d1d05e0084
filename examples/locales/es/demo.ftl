# Mensajes propios de la aplicación de demostración, en español.

USER_NOT_FOUND = Usuario no encontrado
    .detail = No existe ningún usuario con el identificador { $id }.
    .detail-generic = No existe ningún usuario con este identificador.
    .description = El usuario no existe o el autor de la llamada no tiene permiso para verlo: ambos casos se presentan igual, para no revelar la existencia de un usuario privado.

DUPLICATE_EMAIL = Correo electrónico ya registrado
    .detail = Ya existe un usuario con el correo electrónico { $email }.
    .detail-generic = Ya existe un usuario con este correo electrónico.
    .description = La dirección de correo electrónico del nuevo usuario pertenece a un usuario existente.

INSUFFICIENT_INVENTORY = Existencias insuficientes
    .detail = { $available ->
        [0] El producto { NUMBER($product_id, useGrouping: "false") } está agotado; la cantidad solicitada es { $requested }.
        [one] El producto { NUMBER($product_id, useGrouping: "false") } solo tiene { $available } unidad en existencias; la cantidad solicitada es { $requested }.
       *[other] El producto { NUMBER($product_id, useGrouping: "false") } solo tiene { $available } unidades en existencias; la cantidad solicitada es { $requested }.
    }
    .detail-generic = Un producto del pedido no tiene suficientes unidades en existencias.
    .description = El pedido solicita más unidades de un producto de las que hay en existencias.
