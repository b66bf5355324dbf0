//! The image pipeline's cost, step by step, for one photo (not a test: it
//! prints figures). `bench/images.mjs` runs it pinned to one core:
//!
//!     cargo run --release -p brnn-content --example image_timing -- <photo> [runs]
//!
//! Decodes the photo as the build does (EXIF orientation applied), then for
//! each of the build's widths the photo reaches, resizes it (Lanczos3) and
//! encodes it as WebP and as JPEG at the build's qualities, with the
//! library's own functions. Each step runs `runs` times (default 5); the
//! median is printed, in milliseconds, with the bytes of each file, as
//! tab-separated lines:
//!
//!     decode  <ms>  <width>  <height>
//!     width  <px>  <height>  resize <ms>  webp <ms> <bytes>  jpeg <ms> <bytes>

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use brnn_content::images::{decode, encode, resize, Format, JPEG_QUALITY, WEBP_QUALITY, WIDTHS};

/// The median time of `runs` calls of `step`, and its last result.
fn timed<T>(runs: usize, mut step: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let result = step();
        times.push(start.elapsed());
        last = Some(result);
    }
    times.sort();
    (times[times.len() / 2], last.expect("at least one run"))
}

fn ms(duration: Duration) -> String {
    format!("{:.1}", duration.as_secs_f64() * 1000.0)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(photo) = args.next().map(PathBuf::from) else {
        eprintln!("usage: image_timing <photo> [runs]");
        return ExitCode::FAILURE;
    };
    let runs = match args.next().map(|runs| runs.parse::<usize>()) {
        None => 5,
        Some(Ok(runs)) if runs > 0 => runs,
        Some(_) => {
            eprintln!("image_timing: runs is a whole number above 0");
            return ExitCode::FAILURE;
        }
    };
    eprintln!(
        "image_timing: {} ({runs} runs, median; WebP quality {WEBP_QUALITY}, JPEG quality {JPEG_QUALITY})",
        photo.display()
    );
    let (took, pixels) = timed(runs, || decode(&photo));
    let pixels = match pixels {
        Ok(pixels) => pixels,
        Err(message) => {
            eprintln!("image_timing: {}: {message}", photo.display());
            return ExitCode::FAILURE;
        }
    };
    let (full_width, full_height) = pixels.dimensions();
    println!("decode\t{}\t{full_width}\t{full_height}", ms(took));
    for width in WIDTHS.into_iter().filter(|&width| width <= full_width) {
        // As `Photo::renditions` rounds it.
        let height = ((u64::from(full_height) * u64::from(width) + u64::from(full_width) / 2)
            / u64::from(full_width))
        .max(1) as u32;
        let (resize_time, resized) = timed(runs, || resize(&pixels, width, height));
        let mut line = format!("width\t{width}\t{height}\tresize\t{}", ms(resize_time));
        for (name, format) in [("webp", Format::WebP), ("jpeg", Format::Jpeg)] {
            let (took, bytes) = timed(runs, || encode(&resized, format));
            match bytes {
                Ok(bytes) => line += &format!("\t{name}\t{}\t{}", ms(took), bytes.len()),
                Err(message) => {
                    eprintln!("image_timing: {}: {message}", photo.display());
                    return ExitCode::FAILURE;
                }
            }
        }
        println!("{line}");
    }
    ExitCode::SUCCESS
}
