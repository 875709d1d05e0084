# Mensajes integrados de pardon, en español.
#
# El valor del mensaje de un tipo de problema es su título; su atributo `.detail` es su detalle.
# Su atributo `.description` indica cuándo se produce, para la página de documentación del tipo.
# El valor del mensaje de un código de error de campo es el detalle de una entrada de `errors`.
# Un patrón que usa argumentos puede tener un gemelo `-generic` sin ellos (`.detail-generic`
# para `.detail`, `.generic` para el valor): se envía cuando falta un argumento, para que
# ningún `{ $placeholder }` llegue nunca a un cliente.

## Problem types

VALIDATION_ERROR = Error de validación
    .detail = Uno o más campos de la solicitud no son válidos; consulte errors para ver el detalle de cada uno.
    .description = La solicitud está bien formada, pero algunos de sus campos no superan la validación. Todos los campos con errores se enumeran a la vez en errors.

MALFORMED_JSON = JSON mal formado
    .detail = El cuerpo de la solicitud no es JSON válido (línea { $line }, columna { $column }).
    .detail-generic = El cuerpo de la solicitud no es JSON válido.
    .description = No se pudo analizar el cuerpo de la solicitud como JSON. Se indica la posición del primer error; el cuerpo en sí nunca se reproduce.

AUTH_REQUIRED = Autenticación requerida
    .detail = Esta solicitud necesita credenciales; envíe un encabezado Authorization.
    .description = La solicitud no incluye credenciales. El encabezado WWW-Authenticate indica cómo autenticarse.

INVALID_TOKEN = Token no válido
    .detail = El token de acceso no es válido, ha caducado o ha sido revocado.
    .description = La solicitud incluye credenciales que no se pueden aceptar.

INSUFFICIENT_PERMISSIONS = Permisos insuficientes
    .detail = Está autenticado, pero no tiene permiso para realizar esta acción.
    .description = Se conoce al autor de la llamada, pero le falta el permiso que requiere esta acción.

ROUTE_NOT_FOUND = Ruta no encontrada
    .detail = No existe ningún punto de conexión en esta ruta.
    .description = La ruta no corresponde a ningún punto de conexión de esta API.

METHOD_NOT_ALLOWED = Método no permitido
    .detail = Este punto de conexión no admite el método de la solicitud; el encabezado Allow indica los que sí admite.
    .description = El punto de conexión existe, pero no para este método.

NOT_ACCEPTABLE = No aceptable
    .detail = Ninguno de los formatos que esta API puede enviar es aceptable para el cliente.
    .description = El encabezado Accept excluye todos los formatos que ofrece esta API.

CONFLICT = Conflicto
    .detail = La solicitud entra en conflicto con el estado actual del recurso.
    .description = La solicitud no se puede aplicar al recurso en su estado actual.

PAYLOAD_TOO_LARGE = Contenido demasiado grande
    .detail = El cuerpo de la solicitud supera el tamaño que admite este punto de conexión.
    .description = El cuerpo de la solicitud excede el límite de tamaño del punto de conexión.

UNSUPPORTED_MEDIA_TYPE = Tipo de medio no admitido
    .detail = El Content-Type del cuerpo de la solicitud no es uno de los que este punto de conexión puede leer.
    .description = El cuerpo de la solicitud está en un formato que el punto de conexión no acepta.

RATE_LIMITED = Demasiadas solicitudes
    .detail = { $retry_after ->
        [one] Ha enviado demasiadas solicitudes. Vuelva a intentarlo dentro de { $retry_after } segundo.
       *[other] Ha enviado demasiadas solicitudes. Vuelva a intentarlo dentro de { $retry_after } segundos.
    }
    .detail-generic = Ha enviado demasiadas solicitudes. Vuelva a intentarlo más tarde.
    .description = El autor de la llamada ha enviado más solicitudes de las que permite su límite. El encabezado Retry-After indica cuándo volver a intentarlo.

INTERNAL_ERROR = Error interno
    .detail = Se ha producido un error inesperado. Ha quedado registrado; indique el identificador de la solicitud al notificarlo.
    .description = Un fallo del propio servicio. Su causa se registra, pero nunca se envía.

UPSTREAM_ERROR = Error en un servicio ascendente
    .detail = Un servicio del que depende esta API ha fallado o no ha sido accesible.
    .description = Un servicio que está detrás de esta API ha fallado o no ha sido accesible.

SERVICE_UNAVAILABLE = Servicio no disponible
    .detail = El servicio no está disponible temporalmente. Vuelva a intentarlo más tarde.
    .description = El servicio no está disponible de forma deliberada, por mantenimiento o por exceso de carga. El encabezado Retry-After, cuando está presente, indica cuándo volver a intentarlo.

UPSTREAM_TIMEOUT = Tiempo de espera agotado en un servicio ascendente
    .detail = Un servicio del que depende esta API no respondió a tiempo.
    .description = Un servicio que está detrás de esta API no respondió a tiempo.

## Field-error codes

REQUIRED = Este campo es obligatorio.
INVALID_FORMAT = Este valor no tiene el formato esperado.
TOO_SHORT = { $min ->
    [one] Debe tener al menos { $min } carácter.
   *[other] Debe tener al menos { $min } caracteres.
}
    .generic = Este valor es demasiado corto.
TOO_LONG = { $max ->
    [one] Debe tener como máximo { $max } carácter.
   *[other] Debe tener como máximo { $max } caracteres.
}
    .generic = Este valor es demasiado largo.
OUT_OF_RANGE = Debe estar entre { $min } y { $max }.
    .generic = Este valor está fuera del rango permitido.
INVALID_TYPE = Este valor es de un tipo incorrecto.
UNKNOWN_VALUE = Este valor no hace referencia a nada que exista.
