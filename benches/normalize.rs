//! `cargo bench --bench normalize`: normalize throughput and peak memory against the floor of
//! merely parsing the same bytes with serde_json, on generated realistic alerts (~700 bytes).
//!
//! Without `-j`, NDJSON is mapped by a thread per CPU; the `-j 1` lines show one thread. Each
//! figure is the best of five runs.
//! Prints figures; asserts nothing (these machines are shared and noisy). Set
//! `LWCTL_BENCH_MB` to change the input size (default 100).

use serde::de::IgnoredAny;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

fn alert(i: u64) -> String {
    let sev = ["Critical", "High", "Medium", "Low", "Info"][(i % 5) as usize];
    format!(
        concat!(
            "{{\"alertId\":{},\"alertName\":\"New External Server DNS Connection\",",
            "\"alertType\":\"NewExternalServerDns\",\"severity\":\"{}\",\"status\":\"Open\",",
            "\"startTime\":\"2026-11-{:02}T{:02}:{:02}:00.000Z\",\"endTime\":\"2026-11-22T09:00:00.000Z\",",
            "\"alertInfo\":{{\"subject\":\"New external DNS name resolved by workload web-{}\",",
            "\"description\":\"Workload web-{} in cluster prod-eks resolved pastebin.example, not seen in the last 90 days; \\\"first seen\\\" by agent 4.{}\"}},",
            "\"derivedFields\":{{\"category\":\"Anomaly\",\"sub_category\":\"Application\",\"source\":\"Agent\"}},",
            "\"policyId\":\"LW_ANOMALY_DNS_{}\",\"reachability\":\"UNKNOWN\",\"internetExposure\":\"Exposed\",",
            "\"lastUserUpdatedTime\":\"\",\"entityMap\":{{\"Machine\":[{{\"hostname\":\"ip-10-0-{}-{}.ec2.internal\",\"external_ip\":\"203.0.113.{}\"}}]}}}}"
        ),
        1_000_000 + i,
        sev,
        1 + i % 28,
        i % 24,
        i % 60,
        i % 997,
        i % 997,
        i % 9,
        i % 50,
        i % 255,
        i % 255,
        i % 255,
    )
}

fn mb_per_s(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / secs / 1e6
}

fn main() {
    let mb: usize = std::env::var("LWCTL_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir().unwrap();
    let ndjson = dir.path().join("alerts.ndjson");
    let array = dir.path().join("alerts.json");
    let page = dir.path().join("page.json");
    let mut data = Vec::with_capacity(mb << 20);
    let mut i = 0;
    while data.len() < mb << 20 {
        data.extend_from_slice(alert(i).as_bytes());
        data.push(b'\n');
        i += 1;
    }
    std::fs::write(&ndjson, &data).unwrap();
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&array).unwrap());
        f.write_all(b"[\n").unwrap();
        for (n, line) in data
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .enumerate()
        {
            if n > 0 {
                f.write_all(b",\n").unwrap();
            }
            f.write_all(b"  ").unwrap();
            f.write_all(line).unwrap();
        }
        f.write_all(b"\n]\n").unwrap();
    }
    {
        // The same alerts as one API page on one line: too large to hold, read key by key.
        let mut f = std::io::BufWriter::new(std::fs::File::create(&page).unwrap());
        f.write_all(b"{\"paging\":{\"rows\":1},\"data\":[").unwrap();
        for (n, line) in data
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .enumerate()
        {
            if n > 0 {
                f.write_all(b",").unwrap();
            }
            f.write_all(line).unwrap();
        }
        f.write_all(b"]}\n").unwrap();
    }
    println!(
        "input: {i} alerts, {:.1} MB NDJSON, {:.0} bytes per alert",
        data.len() as f64 / 1e6,
        data.len() as f64 / i as f64
    );

    // The floor: serde_json walking every value, keeping nothing.
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let n = serde_json::Deserializer::from_slice(&data)
            .into_iter::<IgnoredAny>()
            .inspect(|r| assert!(r.is_ok()))
            .count();
        assert_eq!(n, i as usize);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let floor = mb_per_s(data.len(), best);
    println!("serde_json IgnoredAny (in memory):   {floor:>7.0} MB/s");

    let bin = env!("CARGO_BIN_EXE_lwctl");
    let time = std::path::Path::new("/usr/bin/time").exists();
    // `-j 1` is one thread; without it, NDJSON is mapped by a thread per CPU lwctl may use.
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("CPUs lwctl may use: {cpus}");
    for (label, file, schema, threads) in [
        ("NDJSON", &ndjson, "aisoc", None),
        ("NDJSON", &ndjson, "aisoc", Some("1")),
        ("JSON array", &array, "aisoc", None),
        ("one page", &page, "aisoc", None),
        ("NDJSON", &ndjson, "ocsf", None),
        ("NDJSON", &ndjson, "ocsf", Some("1")),
        ("NDJSON", &ndjson, "ecs", None),
    ] {
        let size = std::fs::metadata(file).unwrap().len() as usize;
        let mut best = f64::MAX;
        let mut rss = None;
        // Best of five: on a shared machine the slow runs measure the neighbours.
        for _ in 0..5 {
            let mut cmd = if time {
                let mut c = Command::new("/usr/bin/time");
                c.args(["-f", "%M"]).arg(bin);
                c
            } else {
                Command::new(bin)
            };
            let t = Instant::now();
            let out = cmd
                .args(["normalize", "--schema", schema])
                .args(threads.map(|t| ["-j", t]).into_iter().flatten())
                .arg(file)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .output()
                .unwrap();
            best = best.min(t.elapsed().as_secs_f64());
            assert!(out.status.success());
            if time {
                let err = String::from_utf8_lossy(&out.stderr);
                rss = err
                    .lines()
                    .last()
                    .and_then(|l| l.trim().parse::<u64>().ok());
            }
        }
        let speed = mb_per_s(size, best);
        println!(
            "lwctl normalize --schema {schema:<5} {:<4} {label:<10} (file):  {speed:>7.0} MB/s  ({:.2}x the floor){}",
            threads.map(|t| format!("-j {t}")).unwrap_or_default(),
            floor / speed,
            rss.map(|kb| format!(", peak RSS {:.1} MB", kb as f64 / 1024.0))
                .unwrap_or_default()
        );
    }
}
