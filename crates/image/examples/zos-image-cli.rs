//! Runs one pipeline on one file: `zos-image-cli <in> <pipeline> <out> [key=watermark-file …]`.
//! `zos-image-cli <in> thumbnail:<w>x<h> <out>` uses the thumbnail entry point. Prints the
//! output's size and format, the notes, and for `image/info` the JSON. Used by bench/image.sh.

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: zos-image-cli <in> <pipeline | thumbnail:WxH> <out> [key=file …]");
        return ExitCode::from(2);
    }
    let started = Instant::now();
    let input = match std::fs::read(&args[0]) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {e}", args[0]);
            return ExitCode::from(1);
        }
    };
    let mut marks = HashMap::new();
    for pair in &args[3..] {
        let Some((key, file)) = pair.split_once('=') else { continue };
        match std::fs::read(file) {
            Ok(b) => {
                marks.insert(key.to_string(), b);
            }
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let result = if let Some(size) = args[1].strip_prefix("thumbnail:") {
        let (w, h) = size.split_once('x').unwrap_or((size, size));
        zos_image::thumbnail(&input, w.parse().unwrap_or(0), h.parse().unwrap_or(0))
    } else {
        let pipeline = match zos_image::parse(&args[1]) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("{}", e.message());
                return ExitCode::from(2);
            }
        };
        zos_image::process(&input, &pipeline, &marks)
    };
    match result {
        Ok(zos_image::Processed::Image(img)) => {
            if let Err(e) = std::fs::write(&args[2], &img.bytes) {
                eprintln!("{}: {e}", args[2]);
                return ExitCode::from(1);
            }
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            println!(
                "{}x{} {} {} bytes {ms:.1} ms",
                img.width,
                img.height,
                img.format.name(),
                img.bytes.len()
            );
            for n in &img.notes {
                println!("note: {}", serde_json::to_string(n).unwrap_or_default());
            }
            ExitCode::SUCCESS
        }
        Ok(zos_image::Processed::Info(info)) => {
            println!("{}", info.to_aliyun_json());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.message);
            ExitCode::from(1)
        }
    }
}
