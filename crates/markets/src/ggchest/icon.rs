//! Offer icons: PNG or JPEG, recognised by their first bytes rather than their file name (a
//! renamed `.webp` must be caught here, not by the marketplace).

use crate::{Error, Result};

/// Refused above this size: far beyond any icon, and a sign the wrong file was picked.
pub const MAX_ICON_BYTES: usize = 10 * 1024 * 1024;
/// The marketplace documents no limit; above this we warn that it may refuse the file.
pub const WARN_ICON_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
}

impl ImageKind {
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpg",
        }
    }

    /// By magic bytes: PNG's 8-byte signature, or JPEG's SOI marker followed by another marker.
    pub fn sniff(bytes: &[u8]) -> Option<ImageKind> {
        if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(ImageKind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageKind::Jpeg)
        } else {
            None
        }
    }
}

/// An icon file checked and ready to upload.
#[derive(Clone, PartialEq, Eq)]
pub struct IconFile {
    pub(crate) kind: ImageKind,
    pub(crate) file_name: String,
    pub(crate) bytes: Vec<u8>,
}

impl std::fmt::Debug for IconFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IconFile({}, {:?}, {} bytes)", self.file_name, self.kind, self.bytes.len())
    }
}

impl IconFile {
    /// Checks type (by content) and size. `name` is what the person picked, used in messages
    /// and, with the extension corrected to the real type, as the uploaded file name.
    pub fn new(name: &str, bytes: Vec<u8>) -> Result<IconFile> {
        if bytes.is_empty() {
            return Err(Error::invalid_field("icon", format!("`{name}` is empty")));
        }
        if bytes.len() > MAX_ICON_BYTES {
            return Err(Error::invalid_field(
                "icon",
                format!(
                    "`{name}` is {:.1} MiB; icons must be under {} MiB: pick a smaller image",
                    mib(bytes.len()),
                    MAX_ICON_BYTES / (1024 * 1024)
                ),
            ));
        }
        let Some(kind) = ImageKind::sniff(&bytes) else {
            return Err(Error::invalid_field(
                "icon",
                format!("`{name}` is not a PNG or JPEG image (by its content): GGChest accepts png, jpg and jpeg"),
            ));
        };
        let stem =
            std::path::Path::new(name).file_stem().and_then(|s| s.to_str()).filter(|s| !s.is_empty()).unwrap_or("icon");
        Ok(IconFile { kind, file_name: format!("{stem}.{}", kind.extension()), bytes })
    }

    /// Reads and checks a file: a regular file only (a FIFO or a device is refused without
    /// blocking), at most [`MAX_ICON_BYTES`] (`crate::files::read_user_file`).
    pub fn read(path: &std::path::Path) -> Result<IconFile> {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("icon").to_owned();
        let bytes = crate::files::read_user_file(path, MAX_ICON_BYTES as u64, "an icon").map_err(|e| match e {
            crate::files::UserFileError::TooLarge { size: Some(size), .. } => Error::invalid_field(
                "icon",
                format!(
                    "`{name}` is {:.1} MiB; icons must be under {} MiB",
                    mib(size as usize),
                    MAX_ICON_BYTES / (1024 * 1024)
                ),
            ),
            other => Error::invalid_field("icon", other.to_string()),
        })?;
        IconFile::new(&name, bytes)
    }

    pub fn kind(&self) -> ImageKind {
        self.kind
    }
    pub fn len(&self) -> usize {
        self.bytes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// A warning to show before uploading, if any.
    pub fn warning(&self) -> Option<String> {
        (self.bytes.len() > WARN_ICON_BYTES).then(|| {
            format!(
                "{} is {:.1} MiB; GGChest documents no limit, but it may refuse icons this large",
                self.file_name,
                mib(self.bytes.len())
            )
        })
    }
}

fn mib(n: usize) -> f64 {
    n as f64 / (1024.0 * 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16];

    #[test]
    fn type_comes_from_content_not_name() {
        let f = IconFile::new("photo.png", JPEG.to_vec()).unwrap();
        assert_eq!(f.kind(), ImageKind::Jpeg);
        assert_eq!(f.file_name(), "photo.jpg");
        assert_eq!(IconFile::new("icon.jpeg", PNG.to_vec()).unwrap().file_name(), "icon.png");
        let err = IconFile::new("fake.png", b"GIF89a....".to_vec()).unwrap_err();
        assert!(err.to_string().contains("not a PNG or JPEG"), "{err}");
        assert_eq!(err.fields()[0].field, "icon");
    }

    #[test]
    fn size_limits() {
        assert!(IconFile::new("e.png", vec![]).is_err());
        let mut big = PNG.to_vec();
        big.resize(MAX_ICON_BYTES + 1, 0);
        assert!(IconFile::new("big.png", big).unwrap_err().to_string().contains("MiB"));
        let mut large = PNG.to_vec();
        large.resize(WARN_ICON_BYTES + 1, 0);
        assert!(IconFile::new("large.png", large).unwrap().warning().is_some());
        assert!(IconFile::new("ok.png", PNG.to_vec()).unwrap().warning().is_none());
    }
}
