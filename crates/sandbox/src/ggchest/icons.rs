//! Offer icons: attach (multipart field `icon`, R/O/D) and delete.

use axum::extract::{Multipart, Path, State};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::error::{GgcError, GgcResult};
use super::writable_offer;
use crate::context::{Ctx, StoredFile};
use crate::gate::Seller;
use crate::ids;
use crate::state::GgcIcon;

/// Largest icon accepted. No document gives a limit; this one only keeps memory bounded.
pub(crate) const MAX_ICON_BYTES: usize = 10 * 1024 * 1024;

/// R: "Allowed png, jpg, jpeg". Decided by the content's magic bytes, not by the file name or
/// the part's content type.
fn image_type(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(("image/png", "png"))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("image/jpeg", "jpg"))
    } else {
        None
    }
}

fn bad_icon(message: &str) -> GgcError {
    GgcError::bad_body("icon", message)
}

/// The bytes of the first multipart field named `icon`.
async fn icon_bytes(mut multipart: Multipart) -> GgcResult<Vec<u8>> {
    loop {
        let field = multipart.next_field().await.map_err(|e| bad_icon(&format!("Invalid multipart body: {e}")))?;
        let Some(field) = field else {
            return Err(bad_icon("This value should not be null."));
        };
        if field.name() == Some("icon") {
            let bytes =
                field.bytes().await.map_err(|_| bad_icon("The file is too large. Allowed maximum size is 10 MiB."))?;
            return Ok(bytes.to_vec());
        }
    }
}

/// `POST /v1/offers/{id}/icon` → `{file_id, path}` (O and D; R shows `{id, path}`). Replaces
/// an icon the offer already has.
pub(crate) async fn attach(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path(id): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> GgcResult<Json<Value>> {
    writable_offer(&mut ctx.store().state.ggchest, &key, &id)?;
    let multipart =
        multipart.map_err(|_| bad_icon("The body must be multipart/form-data with a file field \"icon\"."))?;
    let bytes = icon_bytes(multipart).await?;
    if bytes.is_empty() {
        return Err(bad_icon("An empty file is not allowed."));
    }
    let (content_type, extension) = image_type(&bytes).ok_or_else(|| {
        bad_icon("The mime type of the file is invalid. Allowed mime types are \"image/png\", \"image/jpeg\".")
    })?;
    let file_id = ids::time_ordered_id();
    let file_key = format!("offers/icons/{file_id}.{extension}");
    let path = format!("{}/_sandbox/files/{file_key}", ctx.base_url);
    let mut store = ctx.store();
    // The offer may have been deleted while the upload streamed in.
    let offer = writable_offer(&mut store.state.ggchest, &key, &id)?;
    let previous = offer.icon.replace(GgcIcon {
        id: file_id.clone(),
        path: path.clone(),
        content_type: content_type.to_owned(),
        size: bytes.len(),
    });
    if let Some(previous) = previous {
        let old_key = previous.path.rsplit("/_sandbox/files/").next().unwrap_or_default().to_owned();
        store.files.remove(&old_key);
    }
    store.files.insert(file_key, StoredFile { content_type: content_type.to_owned(), bytes });
    Ok(Json(json!({ "file_id": file_id, "path": path })))
}

/// `DELETE /v1/offers/{offerId}/icon/{iconId}` → 200 `{}` (R); 404 when the offer is not the
/// caller's or its icon has another id (or none).
pub(crate) async fn delete(
    State(ctx): State<Ctx>,
    Extension(Seller(key)): Extension<Seller>,
    Path((offer_id, icon_id)): Path<(String, String)>,
) -> GgcResult<Json<Value>> {
    let mut store = ctx.store();
    let offer = writable_offer(&mut store.state.ggchest, &key, &offer_id)?;
    if offer.icon.as_ref().map(|i| i.id.as_str()) != Some(icon_id.as_str()) {
        return Err(GgcError::NotFound);
    }
    if let Some(icon) = offer.icon.take() {
        let file_key = icon.path.rsplit("/_sandbox/files/").next().unwrap_or_default().to_owned();
        store.files.remove(&file_key);
    }
    Ok(Json(json!({})))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes_decide() {
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\nrest").unwrap().0, "image/png");
        assert_eq!(image_type(b"\xff\xd8\xff\xe0rest").unwrap().0, "image/jpeg");
        assert!(image_type(b"GIF89a").is_none());
        assert!(image_type(b"<svg/>").is_none());
    }
}
