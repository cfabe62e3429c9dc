//! Dates of `mtime` values, without a date library.
//!
//! RGW parses them with `parse_time` (rgw_common.cc): RFC 2616 dates, which contain spaces and
//! so cannot be one value token, or ISO 8601 `YYYY-MM-DDTHH:MM:SS` followed by nothing, `Z`, or
//! `.<digits>Z`; no zone means UTC. We accept those, plus what people type and RGW does not:
//! a bare date `YYYY-MM-DD` (midnight UTC) and an offset `+08:00` / `-05:00`. The canonical form
//! sent to the server is always UTC with `Z`, which every RGW version reads. Elasticsearch keeps
//! dates to the millisecond, so fraction digits past the third are dropped (truncated).

pub(crate) struct Time {
    pub unix_ms: i64,
}

const MS_PER_DAY: i64 = 86_400_000;

/// Parses any accepted form; `None` if it is not a real date and time.
pub(crate) fn parse(s: &str) -> Option<Time> {
    let b = s.as_bytes();
    let year = digits(b, 0, 4)?;
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let mut ms = days_from_civil(year, month, day) * MS_PER_DAY;
    if b.len() == 10 {
        return Some(Time { unix_ms: ms });
    }
    if b.len() < 19 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (h, m, sec) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
    if h > 23 || m > 59 || sec > 59 {
        return None;
    }
    ms += (h * 3600 + m * 60 + sec) * 1000;
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return None;
        }
        let frac = &s[i + 1..i + 1 + n.min(3)];
        ms += frac.parse::<i64>().ok()? * 10_i64.pow(3 - frac.len() as u32);
        i += 1 + n;
    }
    match &s[i..] {
        "" | "Z" => {}
        zone => {
            let zb = zone.as_bytes();
            let sign = match zb.first() {
                Some(b'+') => -1,
                Some(b'-') => 1,
                _ => return None,
            };
            if zb.len() != 6 || zb[3] != b':' {
                return None;
            }
            let (zh, zm) = (digits(zb, 1, 2)?, digits(zb, 4, 2)?);
            if zh > 23 || zm > 59 {
                return None;
            }
            ms += sign * (zh * 60 + zm) * 60_000;
        }
    }
    // An offset may cross a year boundary; the canonical text must keep four-digit years.
    (-62_167_219_200_000..=253_402_300_799_999).contains(&ms).then_some(Time { unix_ms: ms })
}

/// `YYYY-MM-DDTHH:MM:SSZ`, or `…SS.mmmZ` when the milliseconds are not zero.
pub(crate) fn format(unix_ms: i64) -> String {
    let days = unix_ms.div_euclid(MS_PER_DAY);
    let in_day = unix_ms.rem_euclid(MS_PER_DAY);
    let (y, mo, d) = civil_from_days(days);
    let (secs, ms) = (in_day / 1000, in_day % 1000);
    let mut out = format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60);
    if ms != 0 {
        out.push_str(&format!(".{ms:03}"));
    }
    out.push('Z');
    out
}

fn digits(b: &[u8], at: usize, n: usize) -> Option<i64> {
    let part = b.get(at..at + n)?;
    part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |v, c| v * 10 + i64::from(c - b'0')))
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil-calendar algorithms (public domain), proleptic Gregorian.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}
