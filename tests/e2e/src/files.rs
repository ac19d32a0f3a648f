//! Test data and what the tests look for on disk: PNG images, random names, the keychain, files
//! containing a secret.

use super::*;

/// Random lower-case hex from the kernel.
pub fn random_hex(len: usize) -> String {
    let mut bytes = vec![0u8; len.div_ceil(2)];
    use std::io::Read;
    std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)).expect("/dev/urandom");
    bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()[..len].to_owned()
}

/// A real PNG (RGB, `w`×`h`, a diagonal gradient), encoded here: stored deflate blocks, CRC-32
/// and Adler-32, no dependencies.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut c = 0xffff_ffffu32;
        for &b in data {
            c ^= b as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
            }
        }
        !c
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
    }
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0); // filter: none
        for x in 0..w {
            raw.extend_from_slice(&[(x * 255 / w.max(1)) as u8, 96, (y * 255 / h.max(1)) as u8]);
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + byte as u32) % 65_521;
        b = (b + a) % 65_521;
    }
    z.extend_from_slice(&((b << 16) | a).to_be_bytes());
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// The key the Secret Service holds for a profile (service `sellerdesk`, account
/// `profile:<id>`), read with secret-tool in the tests' D-Bus session; `None` when there is none.
pub fn keychain_secret(profile_id: &str) -> Option<String> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", "sellerdesk", "username", &format!("profile:{profile_id}")])
        .output()
        .expect("secret-tool");
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim_end_matches('\n').to_owned())
}

/// Every file under `dir` whose bytes contain `needle`, as UTF-8 or as UTF-16 (WebKit's storage
/// keeps strings in UTF-16); also returns how many files were read.
pub fn files_containing(dir: &Path, needle: &str) -> (Vec<PathBuf>, usize) {
    let utf8 = needle.as_bytes().to_vec();
    let utf16le: Vec<u8> = needle.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let utf16be: Vec<u8> = needle.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    let mut found = Vec::new();
    let mut read = 0;
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            let Ok(t) = e.file_type() else { continue };
            if t.is_dir() {
                stack.push(p);
            } else if t.is_file() {
                let Ok(bytes) = std::fs::read(&p) else { continue };
                read += 1;
                let has = |n: &[u8]| bytes.windows(n.len()).any(|w| w == n);
                if has(&utf8) || has(&utf16le) || has(&utf16be) {
                    found.push(p);
                }
            }
        }
    }
    (found, read)
}
