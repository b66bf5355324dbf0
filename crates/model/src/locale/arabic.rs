//! Arabic (Modern Standard Arabic), written right to left.

use super::{cldr, Direction, Locale};

pub static ARABIC: Locale = Locale {
    lang: "ar",
    language_name: "العربية",
    direction: Direction::Rtl,
    calendar: &cldr::AR,
    // CLDR's `EEEE، d MMMM y` in the digits of CLDR's default numbering
    // system for `ar`, which is `latn` (0-9): `الثلاثاء، 4 نوفمبر 2025`.
    // Arabic-Indic digits (`٤`), the native system, are read as well.
    long_date_pattern: cldr::AR.full_date,
    month_pattern: "MMMM y",
    label_separator: ": ",
    page_of: |page, pages| format!("الصفحة {page} من {pages}"),
    loading: "جارٍ التحميل …",
    retry: "إعادة المحاولة",
    source_label: "المصدر:",
    updated: "تم التحديث",
    breadcrumb_label: "مسار التنقل",
    sections_label: "الأقسام",
    skip_to_content: "الانتقال إلى المحتوى",
    languages_label: "اللغات",
    pagination_label: "الصفحات",
    newer_page: "مقالات أحدث",
    older_page: "مقالات أقدم",
    neighbours_label: "مقالات أخرى في هذا القسم",
    newer_article: "المقال الأحدث",
    older_article: "المقال الأقدم",
    empty_list: "لا توجد مقالات هنا بعد.",
    newest_articles: "أحدث المقالات",
    not_found_title: "الصفحة غير موجودة",
    not_found_text: "هذه الصفحة غير موجودة أو لم تعد متاحة. ربما يكون الرابط قديمًا أو مكتوبًا بشكل خاطئ.",
    back_to_front_page: "العودة إلى الصفحة الرئيسية",
    error_title: "حدث خطأ",
    error_network: "تعذّر الوصول إلى الخادم. يُرجى التحقق من اتصالك بالإنترنت.",
    error_not_found: "البيانات المطلوبة غير موجودة.",
    error_status: |status| format!("ردّ الخادم برسالة خطأ (رمز حالة HTTP: {status})."),
    error_syntax: "البيانات الواردة من الخادم تالفة: إنها ليست بصيغة JSON صالحة.",
    error_shape: "البيانات الواردة من الخادم ليست بالشكل المتوقع.",
    error_format: |format| {
        format!("تستخدم البيانات الواردة من الخادم الإصدار {format} من التنسيق، وهو إصدار لا يعرفه هذا الإصدار من القارئ. يُرجى إعادة تحميل الصفحة.")
    },
    error_details: "التفاصيل التقنية",
    search_label: "بحث",
    search_button: "ابحث",
    search_needs_javascript: "يتطلب البحث تفعيل JavaScript. يرجى تفعيله، أو تصفح المقالات عبر الأقسام.",
    search_prompt: "اكتب ما تبحث عنه.",
    search_running: "جارٍ البحث …",
    search_failed: "البحث غير متاح حاليًا. يرجى المحاولة لاحقًا.",
    more_results: "مزيد من النتائج",
    // A count before a noun takes one of six plural forms in Arabic; a label before the number needs none.
    search_count: |count| format!("عدد النتائج: {count}"),
    search_count_since: |count, year| format!("عدد النتائج منذ {year}: {count}"),
    search_none: |query| format!("لا توجد نتائج لـ «{query}»."),
    latest: "الأحدث",
    subsections_label: "الأقسام الفرعية",
    editions_label: "الإصدارات",
    feeds_label: "الخلاصات",
    house_label: "عن الموقع",
    archive: "الأرشيف",
    // CLDR's plural categories of Arabic: one, two, few (3–10), many (11–99), other.
    article_count: |count| match count {
        1 => "مقال واحد".to_owned(),
        2 => "مقالان".to_owned(),
        count if (3..=10).contains(&(count % 100)) => format!("{count} مقالات"),
        count if (11..=99).contains(&(count % 100)) => format!("{count} مقالًا"),
        count => format!("{count} مقال"),
    },
};
