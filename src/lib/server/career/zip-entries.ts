/**
 * The names and unpacked sizes of a ZIP archive's files, read from its central directory
 * (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT, 4.3.12 and 4.3.16), without
 * unpacking anything: enough to tell a Word document from another archive, and to refuse one
 * that would unpack to far more than a resume (a "zip bomb") before a library inflates it.
 * Null when the bytes are not a readable ZIP archive.
 */
export function zipEntries(bytes: Uint8Array): { name: string; size: number }[] | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end-of-central-directory record is in the last 64 kB + 22 bytes (after its comment).
	let end = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
		if (view.getUint32(i, true) === 0x06054b50) {
			end = i;
			break;
		}
	}
	if (end < 0) return null;
	const count = view.getUint16(end + 10, true);
	let at = view.getUint32(end + 16, true);
	const entries: { name: string; size: number }[] = [];
	const decoder = new TextDecoder();
	for (let n = 0; n < count; n++) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
		const size = view.getUint32(at + 24, true);
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		if (at + 46 + nameLength > bytes.length) return null;
		const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
		// 0xffffffff: the size is in a ZIP64 field; count it as too large rather than read it.
		entries.push({ name, size: size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size });
		at += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}
