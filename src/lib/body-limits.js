// The largest request bodies Tailor reads, in bytes. Plain JavaScript so that `npm start`'s script
// (which sets adapter-node's own cap from them) and the app share one definition.

/** A megabyte as this product states it (as adapter-node's `1M`). */
export const MB = 1024 * 1024;

/** `/api/trpc`, unless TAILOR_API_BODY_LIMIT says otherwise. */
export const API_BODY_LIMIT = MB;

/** A JSON Resume, uploaded as a file or pasted, on the career page. */
export const JSON_RESUME_LIMIT = 5 * MB;

/** A resume file (PDF, Word, text) uploaded on the career page. */
export const RESUME_FILE_LIMIT = 5 * MB;

/** The whole body of any page form: the career import's file with room for its other fields. */
export const FORM_BODY_LIMIT = 6 * MB;

/** better-auth's endpoints under `/api/auth/` take a few short fields (sign-up, sign-in). */
export const AUTH_BODY_LIMIT = 64 * 1024;

/**
 * A size as the pages state it: `5 MB`, `64 kB`.
 * @param {number} bytes
 */
export function formatBytes(bytes) {
	if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
	return `${Math.ceil(bytes / 1024)} kB`;
}
