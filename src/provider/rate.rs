//! Request rates: a provider's documented limits (research §5.2), and the `N/s` text people
//! write for one. Data only; the token bucket that enforces a rate lives with its user.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// At most `requests` per `per`, with bursts of up to `burst` at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub requests: u32,
    pub per: Per,
    /// How many may come at once after a quiet spell (a bucket's capacity).
    pub burst: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    Second,
    Minute,
    Hour,
}

impl Per {
    pub fn duration(self) -> Duration {
        Duration::from_secs(match self {
            Per::Second => 1,
            Per::Minute => 60,
            Per::Hour => 3600,
        })
    }

    fn unit(self) -> &'static str {
        match self {
            Per::Second => "s",
            Per::Minute => "min",
            Per::Hour => "h",
        }
    }
}

impl Rate {
    /// `requests` per `per`, the whole period's worth allowed at once.
    pub const fn new(requests: u32, per: Per) -> Rate {
        Rate {
            requests,
            per,
            burst: requests,
        }
    }

    pub const fn with_burst(self, burst: u32) -> Rate {
        Rate { burst, ..self }
    }

    pub fn per_second(self) -> f64 {
        f64::from(self.requests) / self.per.duration().as_secs_f64()
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.requests, self.per.unit())?;
        if self.burst != self.requests {
            write!(f, " (bursts of {})", self.burst)?;
        }
        Ok(())
    }
}

impl FromStr for Rate {
    type Err = String;

    /// `N/s`, `N/min` or `N/h` (also `N/sec`, `N/m`, `N/hour`), N at least 1.
    fn from_str(text: &str) -> Result<Rate, String> {
        let wrong = || format!("'{text}' is not a rate: write N/s, N/min or N/h, e.g. 5/s");
        let (count, unit) = text.trim().split_once('/').ok_or_else(wrong)?;
        let requests: u32 = count.trim().parse().map_err(|_| wrong())?;
        if requests == 0 {
            return Err(format!(
                "'{text}' allows no request at all; the smallest rate is 1/h"
            ));
        }
        let per = match unit.trim().to_ascii_lowercase().as_str() {
            "s" | "sec" | "second" => Per::Second,
            "m" | "min" | "minute" => Per::Minute,
            "h" | "hour" => Per::Hour,
            _ => return Err(wrong()),
        };
        Ok(Rate::new(requests, per))
    }
}

/// Which requests a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Every,
    /// GET, and POST `/.search`.
    Reads,
    /// POST (create), PUT, PATCH, DELETE.
    Writes,
    /// POST `/Users` only.
    Creates,
}

impl Counted {
    /// What a person calls the requests counted: "requests", "reads", …
    pub fn noun(self) -> &'static str {
        match self {
            Counted::Every => "requests",
            Counted::Reads => "reads",
            Counted::Writes => "writes",
            Counted::Creates => "creates (POST /Users)",
        }
    }
}

/// One documented limit, per tenant (identity store, workspace, enterprise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub counted: Counted,
    pub rate: Rate,
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.counted.noun(), self.rate)
    }
}

// The table's entries (research §5.2); a provider that documents none has `&[]`.

/// "25 TPS writes, 40 TPS reads per API per identity store" (AWS IAM Identity Center quotas,
/// https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html).
pub const AWS_LIMITS: &[Limit] = &[
    Limit {
        counted: Counted::Reads,
        rate: Rate::new(40, Per::Second),
    },
    Limit {
        counted: Counted::Writes,
        rate: Rate::new(25, Per::Second),
    },
];

/// Org-wide 600 writes/min (burst 180), 1,000 reads/min, `POST /Users` 180/min (burst 20)
/// (https://docs.slack.dev/reference/scim-api/rate-limits).
pub const SLACK_LIMITS: &[Limit] = &[
    Limit {
        counted: Counted::Reads,
        rate: Rate::new(1000, Per::Minute),
    },
    Limit {
        counted: Counted::Writes,
        rate: Rate::new(600, Per::Minute).with_burst(180),
    },
    Limit {
        counted: Counted::Creates,
        rate: Rate::new(180, Per::Minute).with_burst(20),
    },
];

/// The `scim` bucket of 15,000 requests/hour, and at most 1,000 users provisioned per hour
/// (GitHub's SCIM docs; research §5.2).
pub const GITHUB_LIMITS: &[Limit] = &[
    Limit {
        counted: Counted::Every,
        rate: Rate::new(15_000, Per::Hour),
    },
    Limit {
        counted: Counted::Creates,
        rate: Rate::new(1000, Per::Hour),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_as_people_write_them() {
        assert_eq!("5/s".parse(), Ok(Rate::new(5, Per::Second)));
        assert_eq!(" 600 / min ".parse(), Ok(Rate::new(600, Per::Minute)));
        assert_eq!("1000/h".parse(), Ok(Rate::new(1000, Per::Hour)));
        for bad in ["5", "5/day", "x/s", "-1/s", "0/s", "/s"] {
            assert!(bad.parse::<Rate>().is_err(), "{bad}");
        }
        assert_eq!(Rate::new(600, Per::Minute).per_second(), 10.0);
        assert_eq!(
            Rate::new(600, Per::Minute).with_burst(180).to_string(),
            "600/min (bursts of 180)"
        );
    }
}
