# The demo application's own messages, English (the default and fallback locale).
#
# An identifier is never grouped like a quantity: `NUMBER($product_id, useGrouping: "false")`.

USER_NOT_FOUND = User not found
    .detail = No user with id { $id } exists.
    .detail-generic = No user with this id exists.
    .description = The user does not exist, or the caller may not see it: the two cases look the same, so that a private user's existence is not revealed.

DUPLICATE_EMAIL = Email already registered
    .detail = A user with the email { $email } already exists.
    .detail-generic = A user with this email already exists.
    .description = The email address of the new user belongs to an existing user.

INSUFFICIENT_INVENTORY = Insufficient inventory
    .detail = { $available ->
        [0] Product { NUMBER($product_id, useGrouping: "false") } is out of stock; the order asks for { $requested }.
        [one] Product { NUMBER($product_id, useGrouping: "false") } has only { $available } item in stock; the order asks for { $requested }.
       *[other] Product { NUMBER($product_id, useGrouping: "false") } has only { $available } items in stock; the order asks for { $requested }.
    }
    .detail-generic = A product of the order has too few items in stock.
    .description = The order asks for more units of a product than are in stock.
