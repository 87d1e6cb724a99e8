import { describe, expect, it } from 'vitest';
import { parsePosting } from '../../../src/lib/server/engines/local/posting';
import { FIXTURES, readText } from './load';

describe('parsePosting', () => {
	const tern = parsePosting(readText(`${FIXTURES}postings/tern-senior-data-scientist.txt`));

	it('reads title and company from the first lines', () => {
		expect(tern.title).toBe('Senior Data Scientist, Growth');
		expect(tern.company).toBe('Tern Mobility');
	});

	it('takes requirements only from requirement sections, with their kind', () => {
		expect(tern.requirements.map((r) => [r.kind, r.text])).toEqual([
			['required', '5+ years of professional experience turning data into product decisions'],
			['required', 'Fluent SQL on a cloud warehouse (BigQuery, Snowflake or Redshift)'],
			['required', 'Python for analysis and modelling (pandas, scikit-learn)'],
			['required', 'You have designed and analysed A/B tests, including power analysis'],
			['required', 'You have built dashboards in Looker or Tableau that people actually use'],
			['required', 'You can explain results clearly to non-technical stakeholders'],
			['required', 'Experience with causal inference methods such as difference-in-differences'],
			['preferred', 'dbt for analytics engineering'],
			['preferred', 'Spark or another distributed compute engine'],
			['preferred', 'Demand forecasting'],
			['preferred', 'You have worked at a marketplace or mobility company']
		]);
	});

	it('lists the skills each requirement names', () => {
		expect(tern.requirements[1]?.skills).toEqual([
			'SQL',
			'BigQuery',
			'Snowflake',
			'Amazon Redshift'
		]);
		expect(tern.requirements[7]?.skills).toContain('dbt');
	});

	it('splits an inline "Requirements:" paragraph and skips what the job involves', () => {
		const posting = parsePosting(
			[
				'We are hiring a Senior Backend Engineer to join our payments team. You will own the',
				'ledger service and build APIs in Go.',
				'',
				'Requirements: 5+ years of backend experience; strong Go; experience with PostgreSQL',
				'and Kafka; familiarity with Terraform is a plus. You will mentor two engineers.'
			].join('\n')
		);
		expect(posting.title).toBe('Senior Backend Engineer');
		expect(posting.company).toBeNull();
		expect(posting.requirements.map((r) => [r.kind, r.text])).toEqual([
			['required', '5+ years of backend experience'],
			['required', 'Strong Go'],
			['required', 'Experience with PostgreSQL and Kafka'],
			['preferred', 'Familiarity with Terraform is a plus']
		]);
	});

	it('reads "Title at Company" and labelled headers', () => {
		expect(parsePosting('Product Designer at Willow Labs\n\nRequirements\n- Figma')).toMatchObject({
			title: 'Product Designer',
			company: 'Willow Labs'
		});
		expect(
			parsePosting('Title: Data Analyst\nCompany: Brook & Co\n\nMust have\n- SQL')
		).toMatchObject({
			title: 'Data Analyst',
			company: 'Brook & Co',
			requirements: [{ text: 'SQL', kind: 'required', skills: ['SQL'] }]
		});
	});

	it('ends a requirement list at a following paragraph such as benefits', () => {
		const posting = parsePosting(
			'Engineer\n\nNice to have\n- Rust\n- Go\n\nWe offer a great salary, equity and on-call pay.'
		);
		expect(posting.requirements.map((r) => r.text)).toEqual(['Rust', 'Go']);
		expect(posting.requirements.every((r) => r.kind === 'preferred')).toBe(true);
	});

	it('falls back to requirement-like sentences when there is no requirement section', () => {
		const posting = parsePosting(
			'Support Engineer\n\nYou will answer tickets. We need 2+ years of experience with Linux and SQL. Our office has a dog.'
		);
		expect(posting.requirements.map((r) => r.text)).toEqual([
			'We need 2+ years of experience with Linux and SQL'
		]);
	});

	it('copes with empty and odd input', () => {
		expect(parsePosting('')).toEqual({
			title: 'Untitled opportunity',
			company: null,
			requirements: [],
			duties: []
		});
		expect(() => parsePosting('#\n-\n*\n::\n' + '('.repeat(1000))).not.toThrow();
	});
});
