# تسميات صفحات HTML، باللغة العربية الفصحى: صفحة المشكلة وصفحة توثيق نوع المشكلة.
# تبقى أسماء الأعضاء نفسها (`retry_after`) كما تُرسَل.

page-type = النوع
page-status = الحالة
page-code = الرمز
page-instance = المثيل
page-request-id = معرّف الطلب
page-members = الأعضاء
page-headers = الترويسات
page-example = مثال
page-errors = الأخطاء
# أعمدة جدول أخطاء الحقول.
page-error-location = الموقع
page-error-code = الرمز
page-error-detail = التفاصيل
# كيفية تحديد موقع المُدخل.
page-location-pointer = مؤشر JSON
page-location-parameter = المعامل
page-location-header = الترويسة
# The catalogue of every problem type, and its field-error codes.
page-catalogue = أنواع المشكلات
page-field-codes = رموز أخطاء الحقول
