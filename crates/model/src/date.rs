//! Publication instants and the newsroom's calendar date.
//!
//! An article stores when it was published as an RFC 3339 timestamp with the
//! newsroom's UTC offset (`2025-11-04T09:30:00+08:00`). Lists order by the
//! absolute instant; pages show the calendar date *at that offset*, never in
//! the reader's time zone. The arithmetic is a few lines of proleptic
//! Gregorian maths, kept here instead of a date crate to spare the wasm
//! bundle (see ARCHITECTURE.md).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (proleptic Gregorian); in JSON as ISO 8601, `"2025-11-04"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CivilDate {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
}

/// A day of the week, Monday first as in ISO 8601.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// 0 for Monday up to 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];
}

impl CivilDate {
    /// The date, if it exists in the calendar (no 31 April, no 29 February 2025).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's `days_from_civil`: eras of 400 years, March-based years.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Self {
        // Howard Hinnant's `civil_from_days`, the inverse of the above.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u8;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        } as u8;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }
}

impl fmt::Display for CivilDate {
    /// ISO 8601, as a `<time datetime>` wants it: `2025-11-04`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl CivilDate {
    /// The month the date is in.
    pub fn year_month(self) -> YearMonth {
        YearMonth {
            year: self.year,
            month: self.month,
        }
    }
}

impl FromStr for CivilDate {
    type Err = DateError;

    /// ISO 8601's `2025-11-04`, four-digit year, two-digit month and day.
    fn from_str(text: &str) -> Result<Self, DateError> {
        let invalid = || DateError(format!("`{text}` is not a date (YYYY-MM-DD)"));
        let (month, day) = text.rsplit_once('-').ok_or_else(invalid)?;
        let month: YearMonth = month.parse().map_err(|_| invalid())?;
        let day = two_digits(day).ok_or_else(invalid)?;
        CivilDate::new(month.year, month.month, day).ok_or_else(invalid)
    }
}

impl TryFrom<String> for CivilDate {
    type Error = DateError;

    fn try_from(text: String) -> Result<Self, DateError> {
        text.parse()
    }
}

impl From<CivilDate> for String {
    fn from(date: CivilDate) -> String {
        date.to_string()
    }
}

/// A month of the calendar; in JSON as ISO 8601, `"2025-11"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
}

impl YearMonth {
    /// Its days, the first to the last.
    pub fn days(self) -> impl Iterator<Item = CivilDate> {
        (1..=days_in_month(self.year, self.month)).map(move |day| CivilDate {
            year: self.year,
            month: self.month,
            day,
        })
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = DateError;

    /// `2025-11`: a four-digit year and a two-digit month.
    fn from_str(text: &str) -> Result<Self, DateError> {
        let invalid = || DateError(format!("`{text}` is not a month (YYYY-MM)"));
        let (year, month) = text.split_once('-').ok_or_else(invalid)?;
        let year_valid = year.len() == 4 && year.bytes().all(|byte| byte.is_ascii_digit());
        let year: i32 = year.parse().ok().filter(|_| year_valid).ok_or_else(invalid)?;
        let month = two_digits(month)
            .filter(|month| (1..=12).contains(month))
            .ok_or_else(invalid)?;
        Ok(YearMonth { year, month })
    }
}

impl TryFrom<String> for YearMonth {
    type Error = DateError;

    fn try_from(text: String) -> Result<Self, DateError> {
        text.parse()
    }
}

impl From<YearMonth> for String {
    fn from(month: YearMonth) -> String {
        month.to_string()
    }
}

/// `04` as 4: exactly two ASCII digits.
fn two_digits(text: &str) -> Option<u8> {
    (text.len() == 2 && text.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// When an article was published: an instant plus the newsroom's UTC offset.
///
/// Equality and order are by instant alone: `09:30+08:00` and `01:30Z` are
/// the same moment.
#[derive(Debug, Clone, Copy)]
pub struct Published {
    unix_seconds: i64,
    offset: UtcOffset,
}

/// A fixed offset from UTC, as a newsroom's clock or a timestamp carries it:
/// `+08:00`, `-05:00`, `Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UtcOffset {
    minutes: i16,
}

impl UtcOffset {
    pub const UTC: UtcOffset = UtcOffset { minutes: 0 };

    /// The offset `minutes` east of UTC, for offsets written in code.
    ///
    /// # Panics
    /// Beyond ±23:59, which in a constant stops the build instead.
    pub const fn from_minutes(minutes: i16) -> Self {
        assert!(
            minutes.unsigned_abs() < 24 * 60,
            "a UTC offset lies within ±23:59"
        );
        Self { minutes }
    }

    /// Minutes east of UTC (negative west of it).
    pub fn minutes(self) -> i16 {
        self.minutes
    }

    /// Seconds east of UTC, as date libraries take a fixed offset.
    pub fn seconds(self) -> i32 {
        i32::from(self.minutes) * 60
    }
}

impl FromStr for UtcOffset {
    type Err = DateError;

    /// `Z` (or `z`), or `±hh:mm` with hours up to 23.
    fn from_str(text: &str) -> Result<Self, DateError> {
        if text == "Z" || text == "z" {
            return Ok(Self::UTC);
        }
        let refused = || DateError(format!("`{text}` is not a UTC offset like +08:00, -05:00 or Z"));
        let bytes = text.as_bytes();
        if bytes.len() != 6 || bytes[3] != b':' || !text.is_ascii() {
            return Err(refused());
        }
        let sign = match bytes[0] {
            b'+' => 1,
            b'-' => -1,
            _ => return Err(refused()),
        };
        let number = |digits: &str| -> Result<i16, DateError> {
            if digits.bytes().all(|b| b.is_ascii_digit()) {
                digits.parse().map_err(|_| refused())
            } else {
                Err(refused())
            }
        };
        let (hours, minutes) = (number(&text[1..3])?, number(&text[4..6])?);
        if hours > 23 || minutes > 59 {
            return Err(DateError(format!("`{text}` is an impossible UTC offset")));
        }
        Ok(Self {
            minutes: sign * (hours * 60 + minutes),
        })
    }
}

impl TryFrom<String> for UtcOffset {
    type Error = DateError;

    fn try_from(text: String) -> Result<Self, DateError> {
        text.parse()
    }
}

impl From<UtcOffset> for String {
    fn from(offset: UtcOffset) -> String {
        offset.to_string()
    }
}

impl fmt::Display for UtcOffset {
    /// Always `±hh:mm`: `+00:00` for UTC, as RFC 3339 allows.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let minutes = self.minutes.unsigned_abs();
        let sign = if self.minutes < 0 { '-' } else { '+' };
        write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// Why a timestamp was refused; the message is written for an editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

impl Published {
    /// The instant `date` at `hour:minute:second` wall-clock time at `offset`.
    pub fn at(date: CivilDate, hour: u8, minute: u8, second: u8, offset: UtcOffset) -> Self {
        let local_seconds = date.days_since_epoch() * 86_400
            + i64::from(hour) * 3600
            + i64::from(minute) * 60
            + i64::from(second);
        Self {
            unix_seconds: local_seconds - i64::from(offset.seconds()),
            offset,
        }
    }

    /// Midnight at the start of `date` at `offset`: when a page that names a
    /// date only was published, in its newsroom's clock.
    pub fn midnight(date: CivilDate, offset: UtcOffset) -> Self {
        Self::at(date, 0, 0, 0, offset)
    }

    /// Parses RFC 3339 with an explicit offset and whole seconds:
    /// `2025-11-04T09:30:00+08:00` or `2025-11-04T01:30:00Z`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let expected = || {
            DateError(format!(
                "`{text}` is not a timestamp like 2025-11-04T09:30:00+08:00 (date, `T`, time, UTC offset)"
            ))
        };
        let bytes = text.as_bytes();
        if bytes.len() < 20 || !text.is_ascii() {
            return Err(expected());
        }
        let number = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            let digits = &text[range];
            if digits.bytes().all(|b| b.is_ascii_digit()) {
                digits.parse().map_err(|_| expected())
            } else {
                Err(expected())
            }
        };
        let separators_ok = bytes[4] == b'-'
            && bytes[7] == b'-'
            && matches!(bytes[10], b'T' | b't')
            && bytes[13] == b':'
            && bytes[16] == b':';
        if !separators_ok {
            return Err(expected());
        }
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
        let offset: UtcOffset = match text[19..].parse() {
            Ok(offset) => offset,
            Err(DateError(why)) if why.ends_with("impossible UTC offset") => {
                return Err(DateError(format!("`{text}` has an impossible UTC offset")))
            }
            Err(_) => return Err(expected()),
        };
        let date = CivilDate::new(year as i32, month as u8, day as u8)
            .ok_or_else(|| DateError(format!("`{text}` names a day that does not exist")))?;
        if hour > 23 || minute > 59 || second > 59 {
            return Err(DateError(format!("`{text}` names a time that does not exist")));
        }
        Ok(Self::at(date, hour as u8, minute as u8, second as u8, offset))
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix_seconds(self) -> i64 {
        self.unix_seconds
    }

    /// The newsroom's offset, stored with the instant.
    pub fn offset(self) -> UtcOffset {
        self.offset
    }

    /// The newsroom's calendar date: the date at the stored offset.
    pub fn local_date(self) -> CivilDate {
        CivilDate::from_days_since_epoch(self.local_seconds().div_euclid(86_400))
    }

    fn local_seconds(self) -> i64 {
        self.unix_seconds + i64::from(self.offset.seconds())
    }
}

impl fmt::Display for Published {
    /// RFC 3339 at the stored offset; `parse` reads it back unchanged.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds_of_day = self.local_seconds().rem_euclid(86_400);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}{}",
            self.local_date(),
            seconds_of_day / 3600,
            seconds_of_day / 60 % 60,
            seconds_of_day % 60,
            self.offset
        )
    }
}

impl PartialEq for Published {
    fn eq(&self, other: &Self) -> bool {
        self.unix_seconds == other.unix_seconds
    }
}

impl Eq for Published {}

impl PartialOrd for Published {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Published {
    fn cmp(&self, other: &Self) -> Ordering {
        self.unix_seconds.cmp(&other.unix_seconds)
    }
}

impl Serialize for Published {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Published::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u8, day: u8) -> CivilDate {
        CivilDate::new(year, month, day).unwrap()
    }

    #[test]
    fn seed_article_day_was_a_tuesday() {
        assert_eq!(date(2025, 11, 4).weekday(), Weekday::Tuesday);
    }

    #[test]
    fn epoch_day_arithmetic_round_trips_across_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            let civil = CivilDate::from_days_since_epoch(days);
            assert_eq!(civil.days_since_epoch(), days, "{civil}");
        }
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(2000, 3, 1).days_since_epoch(), 11_017);
    }

    #[test]
    fn impossible_calendar_days_are_refused() {
        assert!(CivilDate::new(2025, 2, 29).is_none());
        assert!(CivilDate::new(2024, 2, 29).is_some());
        assert!(CivilDate::new(1900, 2, 29).is_none());
        assert!(CivilDate::new(2000, 2, 29).is_some());
        assert!(CivilDate::new(2025, 4, 31).is_none());
        assert!(CivilDate::new(2025, 13, 1).is_none());
        assert!(CivilDate::new(2025, 1, 0).is_none());
    }

    #[test]
    fn calendar_date_is_the_newsrooms_not_utc() {
        // 01:30 in Beijing on 5 November is still 4 November in UTC.
        let beijing = Published::parse("2025-11-05T01:30:00+08:00").unwrap();
        assert_eq!(beijing.local_date(), date(2025, 11, 5));
        let utc = Published::parse("2025-11-04T17:30:00Z").unwrap();
        assert_eq!(beijing, utc);
        assert_eq!(utc.local_date(), date(2025, 11, 4));
    }

    #[test]
    fn negative_offsets_keep_the_earlier_local_day() {
        let new_york = Published::parse("2025-11-04T22:15:00-05:00").unwrap();
        assert_eq!(new_york.local_date(), date(2025, 11, 4));
        assert_eq!(
            new_york.unix_seconds(),
            Published::parse("2025-11-05T03:15:00Z").unwrap().unix_seconds()
        );
    }

    #[test]
    fn half_hour_offsets_are_kept() {
        let delhi = Published::parse("2025-12-31T23:59:59+05:30").unwrap();
        assert_eq!(delhi.to_string(), "2025-12-31T23:59:59+05:30");
        assert_eq!(delhi.local_date(), date(2025, 12, 31));
    }

    #[test]
    fn display_round_trips_through_parse() {
        for text in [
            "2025-11-04T00:00:00+08:00",
            "1999-01-01T00:00:00-11:00",
            "2030-02-28T12:34:56+00:00",
        ] {
            assert_eq!(Published::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(
            Published::parse("2025-11-04T00:00:00Z").unwrap().to_string(),
            "2025-11-04T00:00:00+00:00"
        );
    }

    #[test]
    fn malformed_timestamps_are_refused_with_the_text_quoted() {
        for text in [
            "",
            "2025-11-04",
            "2025-11-04 09:30:00+08:00",
            "2025-11-04T09:30:00",
            "2025-11-04T09:30:00+0800",
            "2025-11-04T24:00:00Z",
            "2025-02-30T09:30:00Z",
            "2025-11-04T09:30:00+24:00",
            "२०२५-11-04T09:30:00Z",
            "+025-11-04T09:30:00Z",
        ] {
            let error = Published::parse(text).unwrap_err();
            assert!(error.0.contains(&format!("`{text}`")), "{error}");
        }
    }

    #[test]
    fn offsets_read_and_print_as_rfc_3339_writes_them() {
        for (text, minutes, printed) in [
            ("+08:00", 480, "+08:00"),
            ("-05:00", -300, "-05:00"),
            ("+05:30", 330, "+05:30"),
            ("Z", 0, "+00:00"),
        ] {
            let offset: UtcOffset = text.parse().unwrap();
            assert_eq!(
                (offset.minutes(), offset.to_string()),
                (minutes, printed.to_owned())
            );
        }
        for text in ["+8:00", "0800", "+08:60", "+24:00", "UTC", ""] {
            let error = text.parse::<UtcOffset>().unwrap_err();
            assert!(error.0.contains(&format!("`{text}`")), "{error}");
        }
    }

    #[test]
    fn midnight_at_the_newsroom_is_the_previous_evening_in_utc() {
        let beijing: UtcOffset = "+08:00".parse().unwrap();
        let midnight = Published::midnight(date(2025, 11, 4), beijing);
        assert_eq!(midnight.to_string(), "2025-11-04T00:00:00+08:00");
        assert_eq!(midnight, Published::parse("2025-11-03T16:00:00Z").unwrap());
        assert_eq!(midnight.offset(), beijing);
    }

    #[test]
    fn order_is_by_instant_not_by_wall_clock() {
        let earlier = Published::parse("2025-11-04T10:00:00+08:00").unwrap(); // 02:00Z
        let later = Published::parse("2025-11-04T03:00:00+00:00").unwrap();
        assert!(earlier < later);
    }

    #[test]
    fn dates_and_months_read_and_write_iso_8601() {
        assert_eq!("2025-11-04".parse::<CivilDate>().unwrap(), date(2025, 11, 4));
        assert_eq!(
            serde_json::to_string(&date(2025, 11, 4)).unwrap(),
            r#""2025-11-04""#
        );
        let month: YearMonth = "2024-02".parse().unwrap();
        assert_eq!(month.to_string(), "2024-02");
        assert_eq!(month.days().count(), 29);
        assert_eq!(date(2025, 11, 4).year_month(), "2025-11".parse().unwrap());
        for wrong in [
            "2025-11-31",
            "2025-13-01",
            "2025-1-04",
            "25-11-04",
            "2025-11-04x",
            "",
            "2025/11/04",
        ] {
            assert!(wrong.parse::<CivilDate>().is_err(), "{wrong}");
        }
        for wrong in ["2025-00", "2025-13", "2025-1", "+025-01", "2025"] {
            assert!(wrong.parse::<YearMonth>().is_err(), "{wrong}");
        }
    }
}
