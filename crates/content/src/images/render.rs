//! Making a photo's renditions, and the cache that makes each only once.
//!
//! Decoding applies the EXIF orientation; re-encoding leaves every other
//! piece of metadata (camera, place, time, colour profile) behind. Each
//! width is resized from the original with Lanczos3 and encoded as WebP
//! (libwebp) and as JPEG (`image`'s encoder), on the build's one thread.
//!
//! The cache is a folder outside the site (`--cache`, by default
//! `target/image-cache/`): one folder per photo and settings, named by the
//! hash its renditions carry, holding `<width>.webp` and `<width>.jpg`. A
//! photo whose files are all there is not decoded at all, so a rebuild
//! makes only what is new or changed. Nothing in it is ever wrong to keep
//! or to delete: a deleted cache is made again by the next build.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use image::codecs::jpeg::JpegEncoder;
use image::imageops::{self, FilterType};
use image::{DynamicImage, ImageDecoder, ImageReader, RgbImage};
use indicatif::ProgressBar;

use super::{limits, Format, Photo, Rendition, JPEG_QUALITY, WEBP_QUALITY};
use crate::problem::Problem;

/// The renditions of every photo, each in the cache, by its name below the endpoint.
#[derive(Debug, Default)]
pub struct Prepared {
    pub files: Vec<(String, PathBuf)>,
    /// Photos decoded and encoded by this build: 0 when the cache had them all.
    pub processed: usize,
}

/// Makes what the cache at `cache` lacks of `photos`; every photo that
/// cannot be decoded is a problem, and then nothing is returned.
pub fn prepare(photos: &[Photo], cache: &Path, progress: &ProgressBar) -> Result<Prepared, Vec<Problem>> {
    let mut prepared = Prepared::default();
    let mut problems = Vec::new();
    progress.set_message("photos");
    progress.set_position(0);
    progress.set_length(photos.len() as u64);
    for photo in photos {
        progress.inc(1);
        let folder = cache.join(&photo.hash);
        let renditions = photo.renditions();
        let cached = |rendition: &Rendition| folder.join(cache_name(rendition));
        if !renditions.iter().all(|rendition| cached(rendition).is_file()) {
            if let Err(message) = render(photo, &renditions, &folder) {
                problems.push(Problem::in_file(&photo.file, message));
                continue;
            }
            prepared.processed += 1;
        }
        prepared.files.extend(
            renditions
                .iter()
                .map(|rendition| (rendition.name.clone(), cached(rendition))),
        );
    }
    if problems.is_empty() {
        Ok(prepared)
    } else {
        Err(problems)
    }
}

/// Counts the files this process writes into the cache, to name each apart.
static PARTIAL_FILES: AtomicUsize = AtomicUsize::new(0);

/// A rendition's file in its photo's cache folder.
fn cache_name(rendition: &Rendition) -> String {
    format!("{}.{}", rendition.width, rendition.format.extension())
}

/// Decodes the photo once and writes each rendition into `folder`.
fn render(photo: &Photo, renditions: &[Rendition], folder: &Path) -> Result<(), String> {
    let pixels = decode(&photo.file)?;
    fs::create_dir_all(folder).map_err(|error| cache_error(folder, error))?;
    for rendition in renditions {
        let bytes = encode(
            &resize(&pixels, rendition.width, rendition.height),
            rendition.format,
        )?;
        // Written aside, then renamed: a build stopped midway leaves no half
        // file the next would take, and two builds sharing the cache (tests
        // do) never write into the same file.
        let file = folder.join(cache_name(rendition));
        let partial = folder.join(format!(
            "{}.{}-{}.partial",
            cache_name(rendition),
            std::process::id(),
            PARTIAL_FILES.fetch_add(1, Ordering::Relaxed)
        ));
        fs::write(&partial, bytes)
            .and_then(|()| fs::rename(&partial, &file))
            .map_err(|error| cache_error(&file, error))?;
    }
    Ok(())
}

fn cache_error(path: &Path, error: std::io::Error) -> String {
    format!("cannot write the image cache at {}: {error}", path.display())
}

/// The photo's pixels, turned as its EXIF orientation says, without alpha
/// (a photo has none that matters, and JPEG keeps none).
///
/// `decode`, [`resize`] and [`encode`] are public for the timing of each
/// step (`examples/image_timing.rs`, `bench/images.mjs`); the build calls
/// them through [`prepare`].
pub fn decode(file: &Path) -> Result<RgbImage, String> {
    let bytes = fs::read(file).map_err(|error| format!("cannot read it: {error}"))?;
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| format!("cannot read it: {error}"))?;
    reader.limits(limits());
    let damaged =
        |error: image::ImageError| format!("cannot be decoded, it is damaged or too large: {error}");
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    let orientation = decoder.orientation().map_err(damaged)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    image.apply_orientation(orientation);
    Ok(image.into_rgb8())
}

/// `pixels` `width` × `height` px wide, with Lanczos3 (a copy when that is its size).
pub fn resize(pixels: &RgbImage, width: u32, height: u32) -> RgbImage {
    if (width, height) == pixels.dimensions() {
        pixels.clone()
    } else {
        imageops::resize(pixels, width, height, FilterType::Lanczos3)
    }
}

/// `pixels` as a file of `format`, at the build's quality.
pub fn encode(pixels: &RgbImage, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::WebP => webp::Encoder::from_rgb(pixels.as_raw(), pixels.width(), pixels.height())
            .encode_simple(false, WEBP_QUALITY)
            .map(|memory| memory.to_vec())
            .map_err(|error| format!("cannot be encoded as WebP: {error:?}")),
        Format::Jpeg => {
            let mut bytes = Vec::new();
            JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
                .encode_image(pixels)
                .map_err(|error| format!("cannot be encoded as JPEG: {error}"))?;
            Ok(bytes)
        }
    }
}
