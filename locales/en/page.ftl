# Labels of the HTML pages, English: a problem page and a problem type's documentation
# page. Member names themselves (`retry_after`) stay as they are sent.

page-type = Type
page-status = Status
page-code = Code
page-instance = Instance
page-request-id = Request ID
page-members = Members
page-headers = Headers
page-example = Example
page-errors = Errors
# The columns of the field-error table.
page-error-location = Location
page-error-code = Code
page-error-detail = Detail
# How an entry's location is given.
page-location-pointer = JSON pointer
page-location-parameter = Parameter
page-location-header = Header
# The catalogue of every problem type, and its field-error codes.
page-catalogue = Problem types
page-field-codes = Field error codes
