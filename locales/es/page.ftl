# Etiquetas de las páginas HTML, en español: la página de un problema y la página de documentación
# de un tipo de problema. Los nombres de los miembros (`retry_after`) se mantienen tal como se envían.

page-type = Tipo
page-status = Estado
page-code = Código
page-instance = Instancia
page-request-id = ID de solicitud
page-members = Miembros
page-headers = Encabezados
page-example = Ejemplo
page-errors = Errores
# Las columnas de la tabla de errores de campo.
page-error-location = Ubicación
page-error-code = Código
page-error-detail = Detalle
# Cómo se indica la ubicación de una entrada.
page-location-pointer = Puntero JSON
page-location-parameter = Parámetro
page-location-header = Encabezado
# The catalogue of every problem type, and its field-error codes.
page-catalogue = Tipos de problema
page-field-codes = Códigos de error de campo
