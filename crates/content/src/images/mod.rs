//! Photos: the files of the content folder that articles show, as a lead
//! image (`image = "photos/x.jpg"` in the header) or as a figure of the
//! body (`![alt](photos/x.jpg "caption")`), and the renditions the build
//! makes of them.
//!
//! A photo is a JPEG, PNG or WebP file inside the content folder (shared by
//! every edition: `content/photos/` by convention), with its credit and
//! licence in a file beside it (`credit.rs`: `photos/x.jpg.toml`). Reading
//! the library resolves every use of a photo ([`Photos::resolve`]): its
//! size (as shown, after its EXIF orientation), its credit line and the
//! content hash its renditions are named by, so the endpoint can name
//! them before any is made. The build then makes the renditions that its
//! cache lacks (`render.rs`) and writes them below the endpoint, in
//! [`MEDIA_FOLDER`].
//!
//! Each photo is made [`WIDTHS`] wide, never wider than it is, plus its own
//! width when that is below the widest step; each width as WebP, which
//! every current browser shows, and as a JPEG fallback (`docs/images.md`
//! says why not AVIF). A rendition's name carries a hash of the photo's
//! bytes and of these settings (`media/<stem>-<width>-<hash>.webp`), so a
//! name's bytes never change and are cached forever (deploy/nginx,
//! public/_headers).

mod credit;
mod render;

use std::collections::HashMap;
use std::fs;
use std::io::Cursor;
use std::path::{Component, Path, PathBuf};

use brnn_model::body::{Image, ImageSource, Inline};
use image::{ImageDecoder, ImageReader, Limits};
use sha2::{Digest, Sha256};

pub use render::{decode, encode, prepare, resize, Prepared};

/// Where renditions go, below the endpoint's folder: image addresses are
/// relative to the endpoint's base URL, like every path of the format.
pub const MEDIA_FOLDER: &str = "media";

/// The widths made of every photo that is at least that wide, in pixels:
/// a phone's column at 1× and 2×, a desktop column at 2×, and 1,200 and more
/// for link previews (`og:image`).
pub const WIDTHS: [u32; 4] = [480, 800, 1200, 1600];

/// The largest photo taken, in pixels each way. A PNG's header may claim
/// any size in a few bytes: a larger one is refused before it is decoded.
pub const MAX_SIDE: u32 = 20_000;

/// What decoding one photo may allocate, in bytes: a 20,000 × 20,000 photo
/// is refused by this already (1.2 GB as 8-bit RGB), a 48-megapixel camera's
/// fits easily.
pub const MAX_ALLOC: u64 = 1 << 30;

/// Lossy quality of each format, 0–100.
pub const WEBP_QUALITY: f32 = 75.0;
pub const JPEG_QUALITY: u8 = 80;

/// Everything a rendition's bytes depend on besides the photo's own: a new
/// value renames every rendition, and the cache starts over.
fn settings() -> String {
    format!("brnn-images 1; widths {WIDTHS:?}; lanczos3; webp {WEBP_QUALITY}; jpeg {JPEG_QUALITY}")
}

/// The two formats every width is made in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    WebP,
    Jpeg,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::WebP => "webp",
            Format::Jpeg => "jpg",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::WebP => "image/webp",
            Format::Jpeg => "image/jpeg",
        }
    }
}

/// A photo of the content folder, read far enough to name its renditions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// As the sources write it, relative to the content folder.
    pub written: String,
    /// The file, for decoding it.
    file: PathBuf,
    /// Of its bytes and of [`settings`]: 16 hex digits.
    hash: String,
    /// As shown, after its EXIF orientation.
    pub width: u32,
    pub height: u32,
    /// The line that credits it, with its licence: `NASA, public domain`.
    pub credit: Option<String>,
}

/// One file the build makes of a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    /// Its path below the endpoint: `media/<stem>-<width>-<hash>.<ext>`.
    pub name: String,
}

impl Photo {
    /// Its widths: each of [`WIDTHS`] it reaches, and its own below the widest.
    pub fn widths(&self) -> Vec<u32> {
        let mut widths: Vec<u32> = WIDTHS
            .iter()
            .copied()
            .filter(|&width| width <= self.width)
            .collect();
        let widest = WIDTHS[WIDTHS.len() - 1];
        if self.width < widest && !widths.contains(&self.width) {
            widths.push(self.width);
        }
        widths
    }

    /// Every rendition, each width in both formats, narrowest first.
    pub fn renditions(&self) -> Vec<Rendition> {
        let stem = name_stem(&self.written);
        self.widths()
            .into_iter()
            .flat_map(|width| {
                // Rounded, and never 0 for a panorama.
                let height = ((u64::from(self.height) * u64::from(width) + u64::from(self.width) / 2)
                    / u64::from(self.width))
                .max(1) as u32;
                [Format::WebP, Format::Jpeg].map(|format| Rendition {
                    width,
                    height,
                    format,
                    name: format!(
                        "{MEDIA_FOLDER}/{stem}-{width}-{}.{}",
                        self.hash,
                        format.extension()
                    ),
                })
            })
            .collect()
    }

    /// The photo as the endpoint carries it: `src` the widest JPEG (the
    /// fallback, and the link preview's picture), with its size; `sources`
    /// every rendition.
    pub fn image(&self, alt: String, caption: Vec<Inline>) -> Image {
        let renditions = self.renditions();
        let fallback = renditions
            .iter()
            .rev()
            .find(|rendition| rendition.format == Format::Jpeg)
            .expect("every photo has a width");
        Image {
            src: fallback.name.clone(),
            width: fallback.width,
            height: fallback.height,
            alt,
            caption,
            credit: self.credit.clone(),
            sources: renditions
                .iter()
                .map(|rendition| ImageSource {
                    src: rendition.name.clone(),
                    width: rendition.width,
                    media_type: rendition.format.media_type().to_owned(),
                })
                .collect(),
        }
    }
}

/// The photo's file name as a rendition's, in the characters every host
/// serves as they are: `Hafen am Abend.JPG` gives `hafen-am-abend`.
fn name_stem(written: &str) -> String {
    let file = written.rsplit('/').next().unwrap_or(written);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let mut name = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "photo".to_owned()
    } else {
        name.to_owned()
    }
}

/// The photos of one content folder, each read once however many articles show it.
pub struct Photos {
    content: PathBuf,
    read: HashMap<String, Result<Photo, String>>,
}

impl Photos {
    pub fn new(content: &Path) -> Self {
        Photos {
            content: content.to_owned(),
            read: HashMap::new(),
        }
    }

    /// The photo a source names as `written`, or a sentence saying why it cannot be shown.
    pub fn resolve(&mut self, written: &str) -> Result<Photo, String> {
        if let Some(known) = self.read.get(written) {
            return known.clone();
        }
        let photo = read_photo(&self.content, written);
        self.read.insert(written.to_owned(), photo.clone());
        photo
    }

    /// Every photo resolved, in a stable order.
    pub fn into_used(self) -> Vec<Photo> {
        let mut photos: Vec<Photo> = self.read.into_values().filter_map(Result::ok).collect();
        photos.sort_by(|a, b| a.written.cmp(&b.written));
        photos
    }
}

/// Reads the photo at `written` below `content`: where it is, what it is,
/// how large, and who made it.
fn read_photo(content: &Path, written: &str) -> Result<Photo, String> {
    let file = locate(content, written)?;
    let bytes = fs::read(&file).map_err(|error| format!("cannot read the photo `{written}`: {error}"))?;
    let (width, height) = shown_size(&bytes).map_err(|problem| format!("the photo `{written}` {problem}"))?;
    let credit = credit::read(&file, written)?;
    let mut hasher = Sha256::new();
    hasher.update(&bytes);
    hasher.update(settings().as_bytes());
    let hash: String = hasher.finalize()[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    Ok(Photo {
        written: written.to_owned(),
        file,
        hash,
        width,
        height,
        credit,
    })
}

/// The file `written` names, which must be inside `content`: no absolute
/// path, no `..`, no symbolic link that leads out.
fn locate(content: &Path, written: &str) -> Result<PathBuf, String> {
    const WHERE: &str = "a photo is a file of the content folder, named from there like `photos/hafen.jpg`";
    if written.contains("://") || written.contains(':') {
        return Err(format!(
            "the photo `{written}` is an address: {WHERE}, so that the build makes its sizes"
        ));
    }
    let path = Path::new(written);
    if written.starts_with('/') || written.contains('\\') || path.is_absolute() {
        return Err(format!("the photo `{written}` is an absolute path: {WHERE}"));
    }
    if path.components().any(|part| matches!(part, Component::ParentDir)) {
        return Err(format!(
            "the photo `{written}` leaves the content folder: {WHERE}"
        ));
    }
    let file = content.join(path);
    let real = file
        .canonicalize()
        .map_err(|_| format!("the photo `{written}` does not exist: no file {}", file.display()))?;
    let root = content
        .canonicalize()
        .map_err(|error| format!("cannot read the content folder {}: {error}", content.display()))?;
    if !real.starts_with(&root) {
        return Err(format!(
            "the photo `{written}` is a link to {}, outside the content folder: {WHERE}",
            real.display()
        ));
    }
    if !real.is_file() {
        return Err(format!("the photo `{written}` is not a file: {WHERE}"));
    }
    Ok(real)
}

/// The limits every decoding of a photo runs under.
fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

/// The photo's size as shown (its EXIF orientation may turn it), read from
/// its header alone; the end of a phrase about the photo when it cannot be.
/// An importer asks it before it keeps a downloaded image.
pub fn shown_size(bytes: &[u8]) -> Result<(u32, u32), String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| format!("cannot be read: {error}"))?;
    if reader.format().is_none() {
        return Err("is not an image: a photo is a JPEG, PNG or WebP file".to_owned());
    }
    // The size is checked here, not by the decoder's limits, to say it in the message.
    let mut header = reader;
    header.no_limits();
    let mut decoder = header
        .into_decoder()
        .map_err(|error| format!("is damaged: {error}"))?;
    let (width, height) = decoder.dimensions();
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(format!(
            "is {width} × {height} px: a photo may be at most {MAX_SIDE} px wide and high"
        ));
    }
    if width == 0 || height == 0 {
        return Err(format!("is {width} × {height} px: it shows nothing"));
    }
    let orientation = decoder
        .orientation()
        .map_err(|error| format!("has unreadable metadata: {error}"))?;
    let turned = matches!(
        orientation,
        image::metadata::Orientation::Rotate90
            | image::metadata::Orientation::Rotate270
            | image::metadata::Orientation::Rotate90FlipH
            | image::metadata::Orientation::Rotate270FlipH
    );
    Ok(if turned { (height, width) } else { (width, height) })
}

#[cfg(test)]
mod tests;
