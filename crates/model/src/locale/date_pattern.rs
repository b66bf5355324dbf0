//! Long dates written and read by a CLDR date pattern (`EEEE, d MMMM y`),
//! with a language's names and digits from [`super::cldr`].
//!
//! Only the fields a long date of the newsroom uses are understood: `EEEE`
//! (weekday name), `d`/`dd` (day), `M`/`MM` (month number), `MMMM` (month
//! name) and `y` (year); text in single quotes and every other character
//! that is no ASCII letter stands as it is. The tests of `locale` check that
//! every language's pattern is of these.

use crate::date::CivilDate;

/// A language's calendar names and digits, as CLDR gives them.
#[derive(Debug)]
pub(crate) struct Calendar {
    /// Monday first.
    pub weekdays: [&'static str; 7],
    pub months: [&'static str; 12],
    /// CLDR's full date pattern (`dateFormats.full`).
    pub full_date: &'static str,
    /// The digits of the default numbering system, `0` to `9`: what dates are written with.
    pub digits: [char; 10],
    /// The digits of the native numbering system: read as well, never written.
    pub native_digits: [char; 10],
}

/// One piece of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part<'p> {
    /// Written as it is; read with any amount of white space around it.
    Literal(&'p str),
    WeekdayName,
    /// At least this many digits (`dd` pads to two); one or two are read.
    Day {
        min_digits: usize,
    },
    MonthName,
    /// At least this many digits (`MM` pads to two); one or two are read.
    MonthNumber {
        min_digits: usize,
    },
    /// Written without padding; four digits are read.
    Year,
}

/// The parts of `pattern`, in order.
pub(super) fn parts(pattern: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut rest = pattern;
    while let Some(first) = rest.chars().next() {
        if first == '\'' {
            // Quoted text, up to the closing quote (or the end).
            let quoted = &rest[1..];
            let end = quoted.find('\'').unwrap_or(quoted.len());
            parts.push(Part::Literal(&quoted[..end]));
            rest = quoted.get(end + 1..).unwrap_or("");
        } else if first.is_ascii_alphabetic() {
            let run = rest.find(|c| c != first).unwrap_or(rest.len());
            let field = match (first, run) {
                ('E', _) => Part::WeekdayName,
                ('d', width) => Part::Day { min_digits: width },
                ('M', width) if width >= 3 => Part::MonthName,
                ('M', width) => Part::MonthNumber { min_digits: width },
                ('y', _) => Part::Year,
                // Not a long date's field: written as it stands.
                _ => Part::Literal(&rest[..run]),
            };
            parts.push(field);
            rest = &rest[run..];
        } else {
            let end = rest
                .find(|c: char| c == '\'' || c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            parts.push(Part::Literal(&rest[..end]));
            rest = &rest[end..];
        }
    }
    parts
}

/// `date` written by `pattern` in `calendar`'s names and digits.
pub(super) fn format(pattern: &str, calendar: &Calendar, date: CivilDate) -> String {
    let number = |value: i32, min_digits: usize| -> String {
        format!("{value:0min_digits$}")
            .chars()
            .map(|digit| digit.to_digit(10).map_or(digit, |d| calendar.digits[d as usize]))
            .collect()
    };
    parts(pattern)
        .into_iter()
        .map(|part| match part {
            Part::Literal(text) => text.to_owned(),
            Part::WeekdayName => calendar.weekdays[date.weekday().index()].to_owned(),
            Part::Day { min_digits } => number(i32::from(date.day), min_digits),
            Part::MonthName => calendar.months[usize::from(date.month) - 1].to_owned(),
            Part::MonthNumber { min_digits } => number(i32::from(date.month), min_digits),
            Part::Year => number(date.year, 1),
        })
        .collect()
}

/// The text of each field of `pattern` in `text`, in the pattern's order,
/// trimmed; `None` if `text` does not have the pattern's shape (a literal
/// missing, a field empty, text left over).
///
/// A field ends where the literal after it begins (at the next white space
/// for a literal of white space only), or at the end of the text.
pub(super) fn fields<'p, 't>(pattern: &'p [Part<'p>], text: &'t str) -> Option<Vec<(Part<'p>, &'t str)>> {
    let mut found = Vec::new();
    let mut rest = text.trim();
    for (index, part) in pattern.iter().enumerate() {
        rest = rest.trim_start();
        if let Part::Literal(literal) = part {
            rest = rest.strip_prefix(literal.trim())?;
            continue;
        }
        let end = match pattern.get(index + 1) {
            None => rest.len(),
            Some(Part::Literal(next)) if next.trim().is_empty() => rest.find(char::is_whitespace)?,
            Some(Part::Literal(next)) => rest.find(next.trim())?,
            // Two fields with nothing between them cannot be told apart.
            Some(_) => return None,
        };
        let field = rest[..end].trim();
        if field.is_empty() {
            return None;
        }
        found.push((*part, field));
        rest = &rest[end..];
    }
    rest.trim().is_empty().then_some(found)
}

/// A number written in ASCII digits or in `calendar`'s, if `text` has
/// `digits` of them (a range of counts).
pub(super) fn number(
    text: &str,
    digits: std::ops::RangeInclusive<usize>,
    calendar: &Calendar,
) -> Option<u32> {
    let value_of = |c: char| {
        c.to_digit(10)
            .filter(|_| c.is_ascii_digit())
            .or_else(|| calendar.digits.iter().position(|d| *d == c).map(|d| d as u32))
            .or_else(|| {
                calendar
                    .native_digits
                    .iter()
                    .position(|d| *d == c)
                    .map(|d| d as u32)
            })
    };
    if !digits.contains(&text.chars().count()) {
        return None;
    }
    text.chars()
        .try_fold(0u32, |value, c| Some(value * 10 + value_of(c)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_splits_into_fields_and_literals() {
        assert_eq!(
            parts("EEEE, dd. MMMM y"),
            [
                Part::WeekdayName,
                Part::Literal(", "),
                Part::Day { min_digits: 2 },
                Part::Literal(". "),
                Part::MonthName,
                Part::Literal(" "),
                Part::Year
            ]
        );
        assert_eq!(
            parts("y年M月d日EEEE"),
            [
                Part::Year,
                Part::Literal("年"),
                Part::MonthNumber { min_digits: 1 },
                Part::Literal("月"),
                Part::Day { min_digits: 1 },
                Part::Literal("日"),
                Part::WeekdayName
            ]
        );
        assert_eq!(
            parts("d 'de' MMMM"),
            [
                Part::Day { min_digits: 1 },
                Part::Literal(" "),
                Part::Literal("de"),
                Part::Literal(" "),
                Part::MonthName
            ]
        );
    }

    #[test]
    fn fields_are_found_between_literals_with_any_white_space() {
        let pattern = parts("y年M月d日EEEE");
        let texts =
            |text| fields(&pattern, text).map(|found| found.iter().map(|(_, t)| *t).collect::<Vec<_>>());
        assert_eq!(
            texts("2025年11月4日星期二").unwrap(),
            ["2025", "11", "4", "星期二"]
        );
        assert_eq!(
            texts(" 2025年11月4日 星期二 ").unwrap(),
            ["2025", "11", "4", "星期二"]
        );
        assert_eq!(texts("2025年11月星期二"), None);
        assert_eq!(texts("2025年11月日星期二"), None);
    }
}
