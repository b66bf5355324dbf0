//! Photos read, refused and rendered, on small images made here.

use std::fs;
use std::io::Cursor;

use image::{ImageFormat, Rgb, RgbImage};
use tempfile::TempDir;

use super::*;

/// A content folder holding `photos/<name>` with `bytes` and a sidecar saying `sidecar`.
fn content_with(name: &str, bytes: &[u8], sidecar: &str) -> TempDir {
    let content = TempDir::new().unwrap();
    fs::create_dir_all(content.path().join("photos")).unwrap();
    fs::write(content.path().join("photos").join(name), bytes).unwrap();
    fs::write(content.path().join(format!("photos/{name}.toml")), sidecar).unwrap();
    content
}

const PUBLIC_DOMAIN: &str = "credit = \"NASA\"\nlicence = \"public-domain\"\n";

/// A `width` × `height` image: red on the left half, blue on the right.
fn halves(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            Rgb([255, 0, 0])
        } else {
            Rgb([0, 0, 255])
        }
    })
}

fn encoded(image: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    image.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}

fn resolve(content: &TempDir, written: &str) -> Result<Photo, String> {
    Photos::new(content.path()).resolve(written)
}

#[test]
fn a_photo_is_read_with_its_size_and_credit_line() {
    let content = content_with(
        "hafen.png",
        &encoded(&halves(1000, 500), ImageFormat::Png),
        PUBLIC_DOMAIN,
    );
    let photo = resolve(&content, "photos/hafen.png").unwrap();
    assert_eq!((photo.width, photo.height), (1000, 500));
    assert_eq!(photo.credit.as_deref(), Some("NASA, public domain"));
}

#[test]
fn widths_are_never_wider_than_the_photo_and_its_own_comes_below_the_widest() {
    let photo = |width| Photo {
        written: "photos/x.jpg".into(),
        file: PathBuf::new(),
        hash: "0123456789abcdef".into(),
        width,
        height: 100,
        credit: None,
    };
    assert_eq!(photo(300).widths(), [300]);
    assert_eq!(photo(800).widths(), [480, 800]);
    assert_eq!(photo(1000).widths(), [480, 800, 1000]);
    assert_eq!(photo(1920).widths(), [480, 800, 1200, 1600]);
    let image = photo(1000).image("Ein Hafen".into(), Vec::new());
    assert_eq!(image.src, "media/x-1000-0123456789abcdef.jpg");
    assert_eq!((image.width, image.height), (1000, 100));
    assert!(image.sources.iter().all(|source| source.width <= 1000));
    assert_eq!(image.sources.len(), 6, "three widths, two formats");
    assert_eq!(image.sources[0].src, "media/x-480-0123456789abcdef.webp");
    assert_eq!(image.sources[0].media_type, "image/webp");
}

#[test]
fn names_carry_a_hash_of_the_bytes_that_changes_only_with_them() {
    let bytes = encoded(&halves(600, 300), ImageFormat::Png);
    let first = resolve(
        &content_with("Hafen am Abend.PNG", &bytes, PUBLIC_DOMAIN),
        "photos/Hafen am Abend.PNG",
    )
    .unwrap();
    let again = resolve(
        &content_with("Hafen am Abend.PNG", &bytes, PUBLIC_DOMAIN),
        "photos/Hafen am Abend.PNG",
    )
    .unwrap();
    assert_eq!(first.renditions(), again.renditions());
    let name = &first.renditions()[0].name;
    assert!(name.starts_with("media/hafen-am-abend-480-"), "{name}");
    assert!(
        name.ends_with(".webp") && name.len() == "media/hafen-am-abend-480-".len() + 16 + 5,
        "{name}"
    );
    let other = encoded(&halves(600, 301), ImageFormat::Png);
    let changed = resolve(
        &content_with("Hafen am Abend.PNG", &other, PUBLIC_DOMAIN),
        "photos/Hafen am Abend.PNG",
    )
    .unwrap();
    assert_ne!(changed.hash, first.hash);
}

#[test]
fn a_file_that_is_no_image_is_refused() {
    let content = content_with("notiz.jpg", b"Dies ist kein Foto.\n", PUBLIC_DOMAIN);
    assert_eq!(
        resolve(&content, "photos/notiz.jpg").unwrap_err(),
        "the photo `photos/notiz.jpg` is not an image: a photo is a JPEG, PNG or WebP file"
    );
}

#[test]
fn a_decompression_bomb_is_refused_by_its_header_before_any_pixel_is_decoded() {
    // A PNG's signature and header claiming 30,000 × 30,000 px, then the
    // start of its pixel data: 51 bytes that would decode to 2.7 GB.
    let mut bomb = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = 30_000u32.to_be_bytes().to_vec();
    header.extend(30_000u32.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    for (kind, data) in [(b"IHDR", header), (b"IDAT", vec![0x78, 0x9c])] {
        bomb.extend((data.len() as u32).to_be_bytes());
        let start = bomb.len();
        bomb.extend(kind);
        bomb.extend(&data);
        let crc = crc32(&bomb[start..]);
        bomb.extend(crc.to_be_bytes());
    }
    let content = content_with("bombe.png", &bomb, PUBLIC_DOMAIN);
    assert_eq!(
        resolve(&content, "photos/bombe.png").unwrap_err(),
        "the photo `photos/bombe.png` is 30000 × 30000 px: a photo may be at most 20000 px wide and high"
    );
}

/// PNG's chunk checksum (CRC-32, ISO 3309).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_photo_with_a_damaged_header_is_refused_when_read() {
    let content = content_with("kaputt.jpg", b"\xff\xd8\xff\xe0 nicht mehr", PUBLIC_DOMAIN);
    let message = resolve(&content, "photos/kaputt.jpg").unwrap_err();
    assert!(
        message.starts_with("the photo `photos/kaputt.jpg` is damaged: "),
        "{message}"
    );
}

#[test]
fn a_photo_with_damaged_pixels_is_refused_when_decoded_naming_its_file() {
    let mut bytes = encoded(&halves(600, 300), ImageFormat::Png);
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    let content = content_with("kaputt.png", &bytes, PUBLIC_DOMAIN);
    let photo = resolve(&content, "photos/kaputt.png").unwrap();
    let cache = TempDir::new().unwrap();
    let problems = prepare(&[photo], cache.path(), &indicatif::ProgressBar::hidden()).unwrap_err();
    let message = problems[0].to_string();
    assert!(
        message.contains("kaputt.png: cannot be decoded, it is damaged or too large"),
        "{message}"
    );
}

#[test]
fn paths_that_leave_the_content_folder_are_refused() {
    let content = content_with(
        "hafen.png",
        &encoded(&halves(100, 50), ImageFormat::Png),
        PUBLIC_DOMAIN,
    );
    let outside = TempDir::new().unwrap();
    fs::write(
        outside.path().join("geheim.png"),
        encoded(&halves(100, 50), ImageFormat::Png),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("geheim.png"),
        content.path().join("photos/link.png"),
    )
    .unwrap();
    let refused = |written: &str| resolve(&content, written).unwrap_err();
    assert!(refused("../geheim.png").contains("leaves the content folder"));
    assert!(refused("photos/../../geheim.png").contains("leaves the content folder"));
    assert!(refused("/etc/passwd").contains("is an absolute path"));
    assert!(refused("https://example.org/x.jpg").contains("is an address"));
    assert!(refused("photos/link.png").contains("outside the content folder"));
    assert!(refused("photos/fehlt.png").starts_with("the photo `photos/fehlt.png` does not exist"));
}

#[test]
fn a_licence_that_asks_for_a_name_needs_a_credit_and_an_unknown_one_is_refused() {
    let png = encoded(&halves(100, 50), ImageFormat::Png);
    let without_credit = content_with("x.png", &png, "licence = \"CC-BY-4.0\"\n");
    assert_eq!(
        resolve(&without_credit, "photos/x.png").unwrap_err(),
        "`photos/x.png.toml`: CC BY 4.0 requires the author to be named: add `credit = \"…\"`"
    );
    let unknown = content_with("x.png", &png, "credit = \"Jemand\"\nlicence = \"alle Rechte\"\n");
    assert!(resolve(&unknown, "photos/x.png").unwrap_err().starts_with(
        "`photos/x.png.toml`: the licence `alle Rechte` is unknown: it is one of public-domain, CC0-1.0"
    ));
    let content = TempDir::new().unwrap();
    fs::create_dir_all(content.path().join("photos")).unwrap();
    fs::write(content.path().join("photos/y.png"), &png).unwrap();
    assert!(resolve(&content, "photos/y.png")
        .unwrap_err()
        .starts_with("the photo `photos/y.png` has no `photos/y.png.toml` beside it"));
    let public_domain = content_with("x.png", &png, "licence = \"public-domain\"\n");
    assert_eq!(
        resolve(&public_domain, "photos/x.png").unwrap().credit.as_deref(),
        Some("public domain")
    );
}

/// A JPEG of `image` whose EXIF says to turn it by 90° clockwise to show it.
fn jpeg_turned_by_exif(image: &RgbImage) -> Vec<u8> {
    let jpeg = encoded(image, ImageFormat::Jpeg);
    // TIFF, big-endian: one IFD entry, Orientation (0x0112) SHORT = 6.
    let tiff: [u8; 26] = [
        b'M', b'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0,
    ];
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut bytes = jpeg[..2].to_vec();
    bytes.extend([0xff, 0xe1]);
    bytes.extend(((app1.len() + 2) as u16).to_be_bytes());
    bytes.extend(app1);
    bytes.extend(&jpeg[2..]);
    bytes
}

#[test]
fn the_exif_orientation_is_applied_to_the_size_and_the_pixels_and_not_kept() {
    let content = content_with("hoch.jpg", &jpeg_turned_by_exif(&halves(600, 300)), PUBLIC_DOMAIN);
    let photo = resolve(&content, "photos/hoch.jpg").unwrap();
    assert_eq!((photo.width, photo.height), (300, 600), "shown upright");
    let cache = TempDir::new().unwrap();
    let prepared = prepare(&[photo], cache.path(), &indicatif::ProgressBar::hidden()).unwrap();
    let (_, jpeg) = prepared
        .files
        .iter()
        .find(|(name, _)| name.ends_with(".jpg"))
        .unwrap();
    let bytes = fs::read(jpeg).unwrap();
    assert!(
        !bytes.windows(6).any(|window| window == b"Exif\0\0"),
        "no metadata left"
    );
    let shown = image::load_from_memory(&bytes).unwrap().into_rgb8();
    assert_eq!(shown.dimensions(), (300, 600));
    // Turned clockwise, the left (red) half is on top.
    let top = shown.get_pixel(150, 100);
    let bottom = shown.get_pixel(150, 500);
    assert!(top[0] > 200 && top[2] < 60, "{top:?}");
    assert!(bottom[2] > 200 && bottom[0] < 60, "{bottom:?}");
}

#[test]
fn renditions_have_their_sizes_and_a_second_prepare_makes_none() {
    let content = content_with(
        "breit.png",
        &encoded(&halves(1000, 500), ImageFormat::Png),
        PUBLIC_DOMAIN,
    );
    let photo = resolve(&content, "photos/breit.png").unwrap();
    let cache = TempDir::new().unwrap();
    let progress = indicatif::ProgressBar::hidden();
    let first = prepare(std::slice::from_ref(&photo), cache.path(), &progress).unwrap();
    assert_eq!(first.processed, 1);
    for (rendition, (name, file)) in photo.renditions().iter().zip(&first.files) {
        assert_eq!(&rendition.name, name);
        let made = image::load_from_memory(&fs::read(file).unwrap()).unwrap();
        assert_eq!(
            (made.width(), made.height()),
            (rendition.width, rendition.height),
            "{name}"
        );
    }
    let again = prepare(&[photo], cache.path(), &progress).unwrap();
    assert_eq!(again.processed, 0);
    assert_eq!(again.files, first.files);
}
