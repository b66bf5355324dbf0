//! Generated from Unicode CLDR 47.0.0 (npm packages cldr-dates-full,
//! cldr-numbers-full and cldr-core 47.0.0) by `node scripts/cldr-dates.mjs`;
//! do not edit. Gregorian format-wide weekday (Monday first) and month
//! names, the full date pattern, and the digits of the default and native
//! numbering systems. Unicode license: <https://www.unicode.org/license.txt>.

use super::date_pattern::Calendar;

/// `de`: full date `EEEE, d. MMMM y`, numbering systems `latn` (default) and `latn` (native).
pub(super) const DE: Calendar = Calendar {
    weekdays: [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ],
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    full_date: "EEEE, d. MMMM y",
    digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    native_digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
};

/// `en-GB`: full date `EEEE, d MMMM y`, numbering systems `latn` (default) and `latn` (native).
pub(super) const EN_GB: Calendar = Calendar {
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    full_date: "EEEE, d MMMM y",
    digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    native_digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
};

/// `zh`: full date `y年M月d日EEEE`, numbering systems `latn` (default) and `hanidec` (native).
pub(super) const ZH: Calendar = Calendar {
    weekdays: [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ],
    months: [
        "一月",
        "二月",
        "三月",
        "四月",
        "五月",
        "六月",
        "七月",
        "八月",
        "九月",
        "十月",
        "十一月",
        "十二月",
    ],
    full_date: "y年M月d日EEEE",
    digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    native_digits: ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
};

/// `ar`: full date `EEEE، d MMMM y`, numbering systems `latn` (default) and `arab` (native).
pub(super) const AR: Calendar = Calendar {
    weekdays: [
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
    ],
    months: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    full_date: "EEEE، d MMMM y",
    digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    native_digits: ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'],
};
