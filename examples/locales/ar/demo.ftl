# الرسائل الخاصة بالتطبيق التجريبي، باللغة العربية الفصحى.

USER_NOT_FOUND = المستخدم غير موجود
    .detail = لا يوجد مستخدم بالمعرّف { $id }.
    .detail-generic = لا يوجد مستخدم بهذا المعرّف.
    .description = المستخدم غير موجود، أو لا يحق للجهة المستدعية رؤيته: تبدو الحالتان متطابقتين، حتى لا يُكشف وجود مستخدم خاص.

DUPLICATE_EMAIL = البريد الإلكتروني مسجل مسبقًا
    .detail = يوجد بالفعل مستخدم بالبريد الإلكتروني { $email }.
    .detail-generic = يوجد بالفعل مستخدم بهذا البريد الإلكتروني.
    .description = عنوان البريد الإلكتروني للمستخدم الجديد يخص مستخدمًا موجودًا.

INSUFFICIENT_INVENTORY = المخزون غير كافٍ
    .detail = { $available ->
        [zero] المنتج { NUMBER($product_id, useGrouping: "false") } غير متوفر في المخزون، والكمية المطلوبة { $requested }.
        [one] لا يتوفر من المنتج { NUMBER($product_id, useGrouping: "false") } في المخزون سوى قطعة واحدة، والكمية المطلوبة { $requested }.
        [two] لا يتوفر من المنتج { NUMBER($product_id, useGrouping: "false") } في المخزون سوى قطعتين، والكمية المطلوبة { $requested }.
        [few] لا يتوفر من المنتج { NUMBER($product_id, useGrouping: "false") } في المخزون سوى { $available } قطع، والكمية المطلوبة { $requested }.
        [many] لا يتوفر من المنتج { NUMBER($product_id, useGrouping: "false") } في المخزون سوى { $available } قطعة، والكمية المطلوبة { $requested }.
       *[other] لا يتوفر من المنتج { NUMBER($product_id, useGrouping: "false") } في المخزون سوى { $available } قطعة، والكمية المطلوبة { $requested }.
    }
    .detail-generic = لا يتوفر في المخزون عدد كافٍ من أحد منتجات طلب الشراء.
    .description = يتضمن طلب الشراء عددًا من وحدات أحد المنتجات يفوق الكمية المتوفرة في المخزون.
