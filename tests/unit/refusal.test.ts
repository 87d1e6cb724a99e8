import { describe, expect, it } from 'vitest';
import {
	bodyMessage,
	refusalMessage,
	retryAfterSeconds,
	withRetryAfter
} from '../../src/lib/ui/refusal';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('retryAfterSeconds', () => {
	it.each([
		['30', 30],
		[' 1 ', 1],
		['Sun, 01 Mar 2026 12:00:45 GMT', 45],
		['0', null],
		['Sun, 01 Mar 2026 11:59:00 GMT', null],
		['soon', null],
		['', null],
		[null, null]
	])('%j → %j', (header, seconds) => {
		expect(retryAfterSeconds(header, now)).toBe(seconds);
	});
});

describe('bodyMessage', () => {
	it.each([
		['{"message":"Too many attempts."}', 'Too many attempts.'],
		['{"code":"PASSWORD_TOO_WEAK","message":"Use a longer password."}', 'Use a longer password.'],
		['{"type":"error","error":{"message":"Unsupported Media Type"}}', 'Unsupported Media Type'],
		[
			'Cross-site POST form submissions are forbidden',
			'Cross-site POST form submissions are forbidden'
		],
		['<!doctype html><p>Payload Too Large</p>', null],
		['{"message":""}', null],
		['', null]
	])('%j → %j', (body, message) => {
		expect(bodyMessage(body)).toBe(message);
	});
});

describe('refusalMessage', () => {
	it('429 says when to try again, from Retry-After', () => {
		expect(refusalMessage(429, '{"message":"Too many sign-in attempts."}', '30', now)).toBe(
			'Too many sign-in attempts. Try again in 30 seconds.'
		);
		expect(refusalMessage(429, '', '1', now)).toBe('Too many attempts. Try again in 1 second.');
	});

	it('does not say it twice when the message already does', () => {
		const body = '{"message":"Too many attempts: try again in 12 seconds."}';
		expect(refusalMessage(429, body, '12', now)).toBe(
			'Too many attempts: try again in 12 seconds.'
		);
	});

	it('a cross-site 403 says to open Tailor at its own address', () => {
		const message = refusalMessage(
			403,
			'Cross-site POST form submissions are forbidden',
			null,
			now
		);
		expect(message).toMatch(/opened at another address/);
		expect(refusalMessage(403, '{"message":"Invalid origin"}', null, now)).toMatch(
			/opened at another address/
		);
	});

	it('400 and 422 show the server’s message (a weak password, say)', () => {
		const body = '{"message":"That password is too easy to guess: add another word or two."}';
		expect(refusalMessage(422, body, null, now)).toBe(
			'That password is too easy to guess: add another word or two.'
		);
		expect(refusalMessage(400, '', null, now)).toMatch(/could not accept what was sent/);
	});

	it('5xx: a readable line with the status, and to try again', () => {
		expect(
			refusalMessage(500, '{"type":"error","error":{"message":"Internal Error"}}', null, now)
		).toBe('Something went wrong on the server (error 500). Try again in a moment.');
		expect(refusalMessage(503, '<html>…</html>', '5', now)).toBe(
			'Tailor is unavailable at the moment (its database may be restarting). Try again in 5 seconds.'
		);
	});

	it('413 from the edge, as plain text or nothing', () => {
		expect(refusalMessage(413, 'Payload Too Large', null, now)).toBe('Payload Too Large');
		expect(refusalMessage(413, '', null, now)).toBe('What was sent is too large.');
	});
});

describe('withRetryAfter', () => {
	it('adds a full stop before the advice when the message has none', () => {
		expect(withRetryAfter('Slow down', '3', now)).toBe('Slow down. Try again in 3 seconds.');
		expect(withRetryAfter('Slow down', null, now)).toBe('Slow down');
	});
});
