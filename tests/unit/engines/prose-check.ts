import { expect } from 'vitest';
import type { TailoredProfile } from '../../../src/lib/schemas/profile';
import { sentences } from '../../../src/lib/server/engines/text';

/**
 * What a recruiter would read: every sentence of the narrative and talking points in the
 * person's voice ("I …", "my …"), no "Name: text" fragments, none over 45 words.
 */
export function expectProse(profile: TailoredProfile, name: string) {
	const texts = [profile.narrative, ...profile.talkingPoints.map((tp) => tp.point)];
	for (const s of texts.flatMap((t) => sentences(t))) {
		expect(s, `${name}: a "Name:" fragment`).not.toMatch(/^(?!I )[A-Z][\w .&'’()/-]{0,50}:\s/);
		expect(s, `${name}: not in the first person`).toMatch(/\b(I|[Mm]y)\b/);
		expect(s.split(/\s+/).length, `${name}: a sentence over 45 words: ${s}`).toBeLessThanOrEqual(
			45
		);
		expect(s, `${name}: a raw fragment`).not.toMatch(
			/\(exp\.|\bSkills \(|^Degree: |^Certificate: /
		);
	}
}
