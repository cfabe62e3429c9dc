//! "Test connection" on a computer whose clock is wrong: the real radosgw refuses the
//! signature, and the user is told the clock is off, by how much. The wrong clock is made
//! with libfaketime around the `zos-dev` binary (the server keeps the true time).

use std::process::Command;

fn test_connection_with_clock_offset(offset: &str) -> serde_json::Value {
    let out = Command::new("faketime")
        .args(["-f", offset, env!("CARGO_BIN_EXE_zos-dev"), "test-connection"])
        .output()
        .expect("faketime (Debian package faketime) is installed");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("one JSON line")
}

#[test]
fn a_clock_one_hour_ahead_is_reported_as_skew() {
    // radosgw answers RequestTimeTooSkewed; the SDK learns the server's time from that answer
    // and retries, so the connection works, and the report carries the skew for the warning.
    std::env::var("ZOS_TEST_ENDPOINT").expect("start the test radosgw first (tests/run-all.sh)");
    let answer = test_connection_with_clock_offset("+1h");
    let skew = answer["ok"]["clockSkewSeconds"].as_i64().unwrap_or_else(|| panic!("{answer}"));
    assert!((-3610..=-3590).contains(&skew), "server is an hour behind us: {answer}");
    assert!(skew.abs() > zos_core::connection::SKEW_WARNING_SECONDS);
}

#[test]
fn a_clock_a_little_off_still_connects_and_reports_the_skew() {
    std::env::var("ZOS_TEST_ENDPOINT").expect("start the test radosgw first (tests/run-all.sh)");
    let answer = test_connection_with_clock_offset("+120s");
    let skew = answer["ok"]["clockSkewSeconds"].as_i64().unwrap_or_else(|| panic!("{answer}"));
    assert!((-125..=-115).contains(&skew), "server is ~120 s behind us: {skew}");
}
