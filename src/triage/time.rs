//! Instants as exports write them (`2026-11-20T09:14:03.512Z`, `2026-11-20 09:14:03`,
//! `2026-11-20`), for `--since`/`--until` and for ordering first and last occurrences. Wider
//! than `clock::parse_rfc3339`, which needs a time and an offset.

use crate::clock::days_from_civil;

/// Seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Instant(pub i64);

/// An ISO 8601 date or date-time; without an offset it is taken as UTC (Entra and Okta
/// write UTC). `None` when it is not one.
pub fn parse_instant(text: &str) -> Option<Instant> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let number = |from: usize, len: usize| -> Option<i64> {
        let part = text.get(from..from + len)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0, 4)?, number(5, 2)?, number(8, 2)?);
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(Instant(seconds));
    }
    if !matches!(rest.as_bytes()[0], b'T' | b't' | b' ') {
        return None;
    }
    let (hour, minute) = (number(11, 2)?, number(14, 2)?);
    if bytes.get(13) != Some(&b':') || hour > 23 || minute > 59 {
        return None;
    }
    seconds += hour * 3_600 + minute * 60;
    let mut at = 16;
    if bytes.get(at) == Some(&b':') {
        let second = number(17, 2)?;
        if second > 60 {
            return None;
        }
        seconds += second;
        at = 19;
        if matches!(bytes.get(at), Some(b'.' | b',')) {
            at += 1;
            while bytes.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
        }
    }
    let zone = &text[at..];
    let offset = match zone {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let (h, m): (i64, i64) = (digits[..2].parse().ok()?, digits[2..].parse().ok()?);
            sign * (h * 3_600 + m * 60)
        }
    };
    Some(Instant(seconds - offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_in_the_forms_exports_use() {
        assert_eq!(parse_instant("1970-01-01"), Some(Instant(0)));
        assert_eq!(parse_instant("1970-01-02T00:00:01Z"), Some(Instant(86_401)));
        assert_eq!(
            parse_instant("2026-11-20T09:14:03.5120000Z"),
            parse_instant("2026-11-20 09:14:03")
        );
        assert_eq!(
            parse_instant("2026-11-20T10:14:03+01:00"),
            parse_instant("2026-11-20T09:14:03Z")
        );
        assert_eq!(parse_instant("2000-03-01").map(|i| i.0), Some(951_868_800));
        assert!(
            parse_instant("2026-11-20").unwrap() < parse_instant("2026-11-20T00:00:01Z").unwrap()
        );
    }

    #[test]
    fn anything_else_is_not_an_instant() {
        for text in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-11-20T25:00",
            "20261120",
            "2026-11-20Tfoo",
            "2026-11-20T09:14:03+1",
        ] {
            assert_eq!(parse_instant(text), None, "{text}");
        }
    }
}
