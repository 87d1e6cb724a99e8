import career from './career.json';

/** A fictional career record a new account can load to try Tailor before importing its own. */
export const demoCareer: Record<string, unknown> = career;

/** A fictional posting that suits the demo record, with a few gaps. */
export const demoPosting = {
	title: 'Senior Backend Engineer, Payments Platform',
	company: 'Lumen Pay',
	description: [
		'# Senior Backend Engineer, Payments Platform — Lumen Pay',
		'',
		'Lumen Pay moves money for 3,000 small businesses. Our payments platform team owns the services that take a card payment from checkout to settlement, and we are hiring a senior backend engineer to help it scale.',
		'',
		'## What you will do',
		'',
		'- Design and run the services behind payments, refunds and payouts',
		'- Make our ledger and reconciliation correct under retries and partial failures',
		'- Improve observability so incidents are found in minutes, not hours',
		'- Mentor engineers and take part in an on-call rotation',
		'',
		'## Requirements',
		'',
		'- 5+ years of backend engineering experience',
		'- Strong TypeScript or Go',
		'- Production experience with PostgreSQL',
		'- Experience with payment providers such as Stripe or Adyen',
		'- Experience designing idempotent APIs and event-driven systems',
		'',
		'## Nice to have',
		'',
		'- Kubernetes in production',
		'- Experience with Kafka',
		'- A background in fintech compliance (PCI DSS)'
	].join('\n')
};
