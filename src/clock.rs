//! RFC 3339 timestamps for `meta.created` and `meta.lastModified`, without a date crate.

use std::time::{SystemTime, UNIX_EPOCH};

pub fn now_rfc3339() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    rfc3339(since.as_secs(), since.subsec_millis())
}

/// Today's date as `YYYYMMDD` (UTC), for tags such as released-email placeholders.
pub fn today() -> String {
    now_rfc3339()[..10].replace('-', "")
}

/// `2026-11-29T14:37:10.490Z` for a Unix time (Howard Hinnant's civil-from-days algorithm).
pub fn rfc3339(unix_secs: u64, millis: u32) -> String {
    let days = unix_secs / 86_400;
    let secs = unix_secs % 86_400;
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Reads an RFC 3339 time (`2026-11-29T14:37:10.490Z`, `…+02:00`); `None` for anything else.
pub fn parse_rfc3339(text: &str) -> Option<SystemTime> {
    let text = text.trim();
    let (date, time) = text.split_once(['T', 't', ' '])?;
    let mut ymd = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (ymd.next()??, ymd.next()??, ymd.next()??);
    let (clock, offset_secs) = match time.find(['Z', 'z', '+', '-']) {
        Some(at) => {
            let (clock, zone) = time.split_at(at);
            let offset = if zone.eq_ignore_ascii_case("z") {
                0
            } else {
                let sign = if zone.starts_with('-') { -1 } else { 1 };
                let (h, m) = zone[1..].split_once(':')?;
                sign * (h.parse::<i64>().ok()? * 3600 + m.parse::<i64>().ok()? * 60)
            };
            (clock, offset)
        }
        None => return None,
    };
    let mut hms = clock.splitn(3, ':');
    let hour: i64 = hms.next()?.parse().ok()?;
    let minute: i64 = hms.next()?.parse().ok()?;
    let second_text = hms.next()?;
    let (seconds, fraction) = match second_text.split_once('.') {
        Some((_, "")) => return None,
        Some(split) => split,
        None => (second_text, ""),
    };
    let seconds: i64 = seconds.parse().ok()?;
    let nanos: u32 = format!("{fraction:0<9}").get(..9)?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let whole = days * 86_400 + hour * 3600 + minute * 60 + seconds - offset_secs;
    let whole = u64::try_from(whole).ok()?;
    Some(UNIX_EPOCH + std::time::Duration::new(whole, nanos))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days-from-civil, the
/// inverse of `rfc3339`).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The same instant in whole Unix seconds (fractions dropped).
pub fn unix_seconds(text: &str) -> Option<i64> {
    let at = parse_rfc3339(text)?;
    i64::try_from(at.duration_since(UNIX_EPOCH).ok()?.as_secs()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        assert_eq!(rfc3339(0, 0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(951_782_400, 5), "2000-02-29T00:00:00.005Z");
        assert_eq!(rfc3339(1_795_963_030, 490), "2026-11-29T14:37:10.490Z");
    }

    #[test]
    fn parsing_inverts_formatting_and_reads_offsets() {
        for (secs, millis) in [(0, 0), (951_782_400, 5), (1_795_963_030, 490)] {
            let at = parse_rfc3339(&rfc3339(secs, millis)).unwrap();
            let since = at.duration_since(UNIX_EPOCH).unwrap();
            assert_eq!(
                since.as_millis(),
                u128::from(secs) * 1000 + u128::from(millis)
            );
        }
        assert_eq!(
            parse_rfc3339("2026-11-29T16:37:10+02:00"),
            parse_rfc3339("2026-11-29T14:37:10Z")
        );
        assert_eq!(parse_rfc3339("yesterday"), None);
        assert_eq!(parse_rfc3339("2026-11-29"), None);
    }

    #[test]
    fn timestamps_read_back() {
        for secs in [0, 951_782_400, 1_795_963_030, 4_102_444_799] {
            assert_eq!(unix_seconds(&rfc3339(secs, 999)), Some(secs as i64));
        }
        assert_eq!(
            unix_seconds("2026-11-29T16:37:10+02:00"),
            Some(1_795_963_030)
        );
        assert_eq!(
            unix_seconds("2026-11-29T14:37:10.123456Z"),
            Some(1_795_963_030)
        );
        for bad in [
            "",
            "2026-11-29",
            "2026-13-01T00:00:00Z",
            "2026-11-29T14:37:10",
            "2026-11-29T14:37:10.Z",
        ] {
            assert_eq!(unix_seconds(bad), None, "{bad}");
        }
    }
}
