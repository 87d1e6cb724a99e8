import type { LexiconGroup } from './lexicon-data';

/**
 * The skill taxonomy beyond software: clinical care, marketing, sales, customer success,
 * operations and logistics, people (HR), education and finance. Same format as the rest of the
 * lexicon (`lexicon-data.ts`): `Canonical|alias>Broader,Broader`. The `>` links run from a
 * narrower skill to the broader ones it is a kind of ("Paid social" is a kind of "Paid
 * acquisition", "Epic" of "EHR systems"), so a claim naming the narrower one is evidence, weaker
 * than a direct mention, for a requirement that asks for the broader one. Entries are the
 * trades' common vocabulary, as a job board or a professional body would list it.
 */
export const PROFESSION_GROUPS: LexiconGroup[] = [
	{
		category: 'clinical',
		kind: 'concept',
		entries: [
			'Patient care|direct patient care|bedside care|bedside nursing|patient assessment',
			'Acute care|acute-care|inpatient care|inpatient nursing|hospital nursing',
			'Critical care|intensive care|=ICU|=CCU|=MICU|=SICU>Acute care',
			'Cardiac care|cardiac nursing|cardiology nursing|cardiovascular nursing>Acute care',
			'Progressive care|step-down care|=PCU>Acute care',
			'Emergency nursing|emergency department|=ED nursing|trauma care>Acute care',
			'Medical-surgical nursing|med-surg|medical surgical nursing>Acute care',
			'Telemetry|cardiac monitoring|rhythm strips|ECG interpretation|EKG interpretation|arrhythmia recognition',
			'Medication administration|medication safety|medication reconciliation|med pass|medication passes',
			'IV therapy|intravenous therapy|IV insertion|IV starts|infusion therapy',
			'Wound care|wound management|pressure injury prevention|pressure ulcer prevention|skin integrity',
			'Infection control|infection prevention|=CAUTI|=CLABSI|hand hygiene|isolation precautions',
			'Patient safety|safety events|adverse events|never events',
			'Falls prevention|fall prevention|fall risk|fall rates>Patient safety',
			'Sepsis care|sepsis bundle|sepsis bundles|sepsis screening|sepsis protocol>Patient safety',
			'Evidence-based practice|=EBP|evidence based practice|evidence-based nursing|nursing research',
			'Patient education|patient teaching|discharge teaching|discharge education|teach-back|health literacy',
			'Discharge planning|care transitions|transitions of care|readmission reduction|readmissions',
			'Care coordination|case management|patient flow|bed management|care management',
			'Charge nurse|charge nursing|relief charge>Leadership',
			'Precepting|preceptor|preceptors|preceptorship|precepted|new graduate orientation|nurse residency>Clinical education',
			'Clinical education|nursing education|nurse educator|clinical educator|staff development|in-services|in-service|inservice|skills lab|skills labs|skills days|competency validation|competency program|annual competencies>Teaching',
			'Simulation training|clinical simulation|simulation lab|simulation center|simulation-based learning|high-fidelity simulation>Clinical education',
			'Clinical documentation|nursing documentation|charting|care plans',
			'Chart audits|chart audit|chart review|chart reviews|documentation audits>Auditing',
			'Clinical informatics|nursing informatics|health informatics|informaticist|informatics nurse',
			'EHR systems|=EHR|=EMR|electronic health records|electronic health record|electronic medical records|electronic medical record',
			'EHR implementation|go-live|go-lives|super-user|superuser|super users|at-the-elbow|EHR rollout|EHR conversion>EHR systems',
			'Clinical workflows|nursing workflows|clinical workflow>Clinical informatics',
			'Shared governance|practice council|unit council|nursing council'
		]
	},
	{
		category: 'clinical',
		kind: 'tool',
		entries: [
			'=Epic|Epic Systems|Epic EHR>EHR systems',
			'=ClinDoc|Epic ClinDoc>Epic',
			'Epic Clarity|=Clarity reports>EHR systems',
			'Crystal Reports>Business intelligence',
			'=Cerner|Oracle Health>EHR systems',
			'=Meditech>EHR systems',
			'Allscripts>EHR systems',
			'athenahealth|athenaOne>EHR systems',
			'eClinicalWorks>EHR systems',
			'=Pyxis|=Omnicell>Medication administration',
			'HealthStream>Learning management systems',
			'=BLS|Basic Life Support',
			'=ACLS|Advanced Cardiovascular Life Support|Advanced Cardiac Life Support',
			'=PALS|Pediatric Advanced Life Support',
			'=NRP|Neonatal Resuscitation Program',
			'=TNCC|Trauma Nursing Core Course',
			'=CCRN',
			'=PCCN',
			'=CEN|Certified Emergency Nurse',
			'=NIHSS'
		]
	},
	{
		category: 'marketing',
		kind: 'concept',
		entries: [
			'Digital marketing|online marketing|performance marketing|growth marketing|internet marketing',
			'Paid acquisition|paid media|paid marketing|paid channels|paid campaigns|=PPC|pay-per-click|=SEM|search engine marketing|ad campaigns|advertising campaigns>Digital marketing',
			'Paid search|search ads|search advertising|search campaigns>Paid acquisition',
			'Paid social|social ads|social advertising|social media advertising>Paid acquisition,Social media marketing',
			'Display advertising|programmatic|retargeting|remarketing>Paid acquisition',
			'Social media marketing|social media|social media management|community management|social content',
			'Email marketing|email campaigns|email programs|drip campaigns|nurture campaigns|nurture sequences|email sequences|email sequence>Lifecycle marketing',
			'Lifecycle marketing|lifecycle email|lifecycle emails|lifecycle programs|lifecycle campaigns|retention marketing|customer lifecycle|onboarding emails',
			'Marketing automation|automated campaigns|automated journeys|triggered emails|behavioral emails|trigger-based emails',
			'Audience segmentation|customer segmentation|market segmentation|audience segments',
			'Content marketing|content strategy|content calendar|editorial calendar|blog posts|long-form content|thought leadership|content creation',
			'Organic search|organic traffic|keyword research|technical SEO>SEO',
			'Landing pages|landing page|landing-page>Funnel analysis',
			'Product-led growth|=PLG|product led growth|self-serve growth|self-serve|freemium|free trials|free trial|trial conversion|activation rate|user activation>Growth',
			'Referral marketing|referral program|referral programs|refer-a-friend|referral loops|referral loop|referrals|word-of-mouth>Growth',
			'Marketing analytics|marketing attribution|multi-touch attribution|channel attribution|campaign reporting|marketing reporting',
			'Brand marketing|brand awareness|brand campaigns|brand strategy>Branding',
			'Product marketing|product launches|launch campaigns|go-to-market launches',
			'Event marketing|webinars|webinar|trade shows|field events|conference marketing',
			'Demand generation|demand gen|lead generation|pipeline generation|=MQL|=MQLs|marketing qualified leads|lead nurturing',
			'Marketing budgets|marketing budget|media budget|media budgets|ad spend|advertising budget|advertising budgets>Budget management',
			'Public relations|=PR campaigns|media relations|press releases',
			'Copywriting|ad copy|web copy'
		]
	},
	{
		category: 'marketing',
		kind: 'tool',
		entries: [
			'Google Ads|AdWords|Google AdWords>Paid search',
			'Microsoft Advertising|Bing Ads>Paid search',
			'LinkedIn Ads|LinkedIn Campaign Manager>Paid social',
			'Meta Ads|Facebook Ads|Instagram Ads|Meta Business Suite|Facebook Ads Manager>Paid social',
			'TikTok Ads>Paid social',
			'HubSpot>Marketing automation,CRM',
			'Marketo|Adobe Marketo>Marketing automation',
			'=Braze>Marketing automation',
			'Customer.io>Marketing automation',
			'=Iterable>Marketing automation',
			'Pardot|Marketing Cloud Account Engagement>Marketing automation',
			'Salesforce Marketing Cloud>Marketing automation',
			'Mailchimp>Email marketing',
			'Klaviyo>Email marketing',
			'Optimizely>A/B testing',
			'=VWO>A/B testing',
			'Google Optimize>A/B testing',
			'Looker Studio|Google Data Studio|Data Studio>Business intelligence',
			'SEMrush|Ahrefs>SEO',
			'Google Search Console>SEO',
			'Hootsuite|Sprout Social>Social media marketing',
			'Hotjar>Funnel analysis'
		]
	},
	{
		category: 'sales',
		kind: 'concept',
		entries: [
			'B2B sales|enterprise sales|inside sales|outside sales|field sales|solution selling|consultative selling|=SaaS sales',
			'Prospecting|cold calling|cold calls|cold outreach|outbound prospecting|lead qualification|=BDR|=SDR',
			'Account management|key accounts|account planning|strategic accounts|named accounts|account manager$|book of business',
			'Pipeline management|sales pipeline|pipeline reviews|sales forecasting|forecast accuracy|deal reviews',
			'Quota attainment|quota|quotas|sales targets|revenue targets|revenue goals|President’s Club|Presidents Club',
			'Renewals|contract renewals|renewal rate|renewal rates|net revenue retention|=NRR|=GRR|gross retention|net retention',
			'Upselling|upsell|upsells|cross-selling|cross-sell|expansion revenue|account expansion',
			'Territory management|territory planning|sales territory|sales territories',
			'Sales enablement|sales training|sales playbooks|sales playbook',
			'Channel sales|partner sales|resellers|reseller|channel partners|partner programs',
			'Closing deals|closed deals|deal closing|closed-won|new logos',
			'CRM|customer relationship management|CRM systems|=CRMs'
		]
	},
	{
		category: 'sales',
		kind: 'tool',
		entries: [
			'Salesforce|=SFDC|Salesforce CRM|Sales Cloud>CRM',
			'Pipedrive>CRM',
			'Zoho CRM>CRM',
			'Microsoft Dynamics|Dynamics 365>CRM',
			'Outreach.io|Salesloft>Prospecting',
			'LinkedIn Sales Navigator|Sales Navigator>Prospecting'
		]
	},
	{
		category: 'customer',
		kind: 'concept',
		entries: [
			'Customer success|customer success management|customer success manager$',
			'Customer onboarding|client onboarding|customer implementations|implementation projects>Customer success',
			'Customer retention|churn reduction|reduce churn|reduced churn|churn rate|logo retention|retention programs|churn risk|at-risk accounts|at-risk customers|churn prevention|save plays>Customer success',
			'Customer support|technical support|help desk|helpdesk|support tickets|ticket queue|customer service|service desk',
			'Escalation management|escalations|escalated issues|escalated cases>Customer support',
			'Business reviews|=QBR|=QBRs|=EBR|=EBRs|quarterly business reviews>Account management',
			'Customer health|health scores|health score|account health>Customer success',
			'Customer satisfaction|=CSAT|customer feedback|voice of the customer|=VoC'
		]
	},
	{
		category: 'customer',
		kind: 'tool',
		entries: [
			'Zendesk>Customer support',
			'Intercom>Customer support',
			'Freshdesk>Customer support',
			'ServiceNow>Customer support',
			'Gainsight>Customer success',
			'ChurnZero>Customer success',
			'Totango>Customer success'
		]
	},
	{
		category: 'operations',
		kind: 'concept',
		entries: [
			'Warehouse operations|warehousing|warehouse management|distribution center operations|fulfillment operations|order fulfillment|fulfilment|fulfillment center|distribution operations|3PL|third-party logistics',
			'Inbound operations|inbound logistics|inbound receiving|receiving operations|putaway|dock scheduling|dock appointments>Warehouse operations',
			'Outbound operations|outbound logistics|outbound shipping|shipping operations|pick and pack|picking and packing|order picking>Warehouse operations',
			'Carrier management|carrier relations|carrier scorecards|freight carriers|parcel carriers|=LTL|less-than-truckload|truckload>Transportation management',
			'Transportation management|transportation planning|route planning|freight management|freight brokerage|load planning|=TMS|last-mile delivery|last mile',
			'Inventory control|inventory management|inventory accuracy|cycle counting|cycle count|stock control|physical inventory|stock accuracy',
			'Labor planning|labor management|labour planning|shift scheduling|staffing plans|labor scheduling|labor standards',
			'Productivity metrics|=UPH|labor productivity|pick rate|pick rates|productivity targets>KPIs',
			'Order accuracy|pick accuracy|mispicks|mis-picks|shipping errors|shipping accuracy',
			'Workplace safety|safety|safety record|safety programs|safety program|safety training|safety culture|safety audits|=OSHA|=EHS|environmental health and safety|injury rates|recordable injuries|=TRIR|=DART rate|incident reporting|forklift certification|powered industrial trucks',
			'Process improvement|process optimization|process optimisation|operational excellence|continuous improvement|workflow improvement',
			'=Lean|lean manufacturing|lean operations|=5S|kaizen|value stream mapping|standard work>Process improvement',
			'Six Sigma|=DMAIC|green belt|black belt|yellow belt>Process improvement',
			'Vendor management|supplier management|vendor relationships|supplier relationships|procurement|purchasing|sourcing|vendor negotiations',
			'Budget management|budgeting|budget ownership|operating budget|operating budgets|cost control|cost management|=P&L|P&L ownership|profit and loss|annual budget|budget responsibility',
			'Team supervision|supervising|supervisor|supervisors|shift supervisor|shift lead|frontline supervision>People management',
			'Quality control|quality assurance|quality inspections',
			'Facilities management|facility maintenance|building maintenance|preventive maintenance',
			// Other kinds of safety, so that the bare word above is not read into them.
			'Food safety|food handling|=HACCP|ServSafe',
			'Memory safety|memory-safe',
			'Type safety|type-safe|type safe',
			'Safety-critical systems|safety-critical'
		]
	},
	{
		category: 'operations',
		kind: 'tool',
		entries: [
			'Warehouse management systems|=WMS|=WMSs>Warehouse operations',
			'Manhattan WMS|~Manhattan|Manhattan Associates|Manhattan SCALE|Manhattan Active>Warehouse management systems',
			'=Blue Yonder|=JDA WMS>Warehouse management systems',
			'SAP EWM|SAP Extended Warehouse Management>Warehouse management systems',
			'=Oracle WMS|Oracle Warehouse Management>Warehouse management systems',
			'Körber|HighJump>Warehouse management systems',
			'Oracle Transportation Management|MercuryGate|project44>Transportation management',
			'=RF scanners|RF scanning|handheld scanners|barcode scanners>Warehouse operations',
			'Forklift|forklifts|reach truck|reach-truck|pallet jack|order picker>Warehouse operations'
		]
	},
	{
		category: 'people',
		kind: 'concept',
		entries: [
			'Human resources|=HR|people operations|people ops|=HRBP|HR business partner|HR generalist',
			'Talent acquisition|full-cycle recruiting|full cycle recruiting|candidate sourcing|sourcing candidates|technical recruiting|recruiter|recruiters>Hiring',
			'Employee onboarding|new hire onboarding|new-hire onboarding|new hire orientation|employee orientation>Human resources',
			'Employee relations|workplace investigations|employee investigations|grievances|disciplinary actions|conflict resolution',
			'Performance management|performance reviews|performance appraisals|performance improvement plans|=PIPs|review cycles',
			'Compensation|compensation planning|compensation and benefits|total rewards|pay equity|salary benchmarking|merit cycles',
			'Benefits administration|benefits enrollment|open enrollment|benefits programs',
			'Payroll|payroll processing|payroll administration',
			'HR compliance|employment law|labor law|labour law|=FMLA|=EEO|=EEOC|=I-9|=ADA compliance',
			'Learning and development|=L&D|training programs|employee training|leadership development|training needs analysis',
			'Employee engagement|engagement surveys|employee experience|culture programs|retention initiatives',
			'Workforce planning|headcount planning|organizational design|org design|succession planning',
			'Diversity, equity and inclusion|=DEI|=DE&I|diversity and inclusion|inclusive hiring',
			'Applicant tracking systems|=ATS|applicant tracking'
		]
	},
	{
		category: 'people',
		kind: 'tool',
		entries: [
			'Workday|Workday HCM>HRIS',
			'HRIS|human resources information system|HR systems|HR information systems',
			'BambooHR>HRIS',
			'SAP SuccessFactors|SuccessFactors>HRIS',
			'Rippling>HRIS',
			'=ADP|ADP Workforce Now>Payroll',
			'Gusto>Payroll',
			'Greenhouse>Applicant tracking systems',
			'=Lever ATS>Applicant tracking systems',
			'iCIMS>Applicant tracking systems',
			'=UKG|Kronos>Labor planning'
		]
	},
	{
		category: 'education',
		kind: 'concept',
		entries: [
			'Curriculum development|curriculum design|course design|course development|syllabus design|curricula|curriculum',
			'Instructional design|=ADDIE|learning design|e-learning development|learning experience design|instructional designer$',
			'Lesson planning|lesson plans|lesson plan|unit plans',
			'Classroom instruction|classroom teaching|classroom management|whole-class instruction|small-group instruction>Teaching',
			'Student assessment|formative assessment|summative assessment|rubrics|learning outcomes',
			'Differentiated instruction|=IEP|=IEPs|special education|=SPED|inclusive classrooms',
			'Tutoring|tutor|tutored|tutors>Teaching',
			'Training delivery|facilitation|workshop facilitation|train-the-trainer|corporate training|end-user training|user training|staff training|training sessions|classroom training|trained staff>Teaching',
			'Adult learning|adult learners|adult education|andragogy>Teaching',
			'Learning management systems|=LMS|=LMSs'
		]
	},
	{
		category: 'education',
		kind: 'tool',
		entries: [
			'Canvas LMS|Instructure Canvas>Learning management systems',
			'=Moodle>Learning management systems',
			'=Blackboard Learn>Learning management systems',
			'Docebo>Learning management systems',
			'Cornerstone OnDemand>Learning management systems',
			'Google Classroom>Learning management systems',
			'Schoology>Learning management systems',
			'Articulate Storyline|Articulate 360|Articulate Rise>Instructional design',
			'Adobe Captivate>Instructional design'
		]
	},
	{
		category: 'finance',
		kind: 'concept',
		entries: [
			'Financial planning and analysis|=FP&A|financial planning|financial analysis|financial analyst',
			'Forecasting|financial forecasting|revenue forecasting|rolling forecasts|rolling forecast|cash forecasting',
			'Variance analysis|budget variance|budget-to-actual|budget vs actual|variance reporting',
			'Financial modeling|financial models|financial modelling|=DCF|valuation models|three-statement models',
			'Month-end close|month end close|financial close|close process|account reconciliations|account reconciliation|reconciliations|general ledger',
			'Accounts payable|accounts receivable|invoicing',
			'Accounting standards|=GAAP|=US GAAP|=IFRS|revenue recognition|=ASC 606',
			'Financial reporting|management reporting|board reporting|board decks|financial statements',
			'Auditing|audits|audit|audited|internal audit|external audit|audit preparation|compliance audits',
			'=SOX compliance|Sarbanes-Oxley|=SOX|internal controls>Auditing',
			'Tax compliance|tax preparation|tax returns|tax filings',
			'Cash management|cash flow management|treasury|working capital',
			'Cost savings|cost reductions|reduced costs|cut costs',
			'=ERP|enterprise resource planning|ERP systems'
		]
	},
	{
		category: 'finance',
		kind: 'tool',
		entries: [
			'NetSuite|Oracle NetSuite>ERP',
			'SAP S/4HANA|SAP ERP|SAP FICO>ERP',
			'QuickBooks>Accounting software',
			'=Xero>Accounting software',
			'Sage Intacct>Accounting software',
			'Accounting software|bookkeeping software',
			'Anaplan>Financial planning and analysis',
			'Adaptive Insights|Workday Adaptive Planning>Financial planning and analysis',
			'Oracle Hyperion|Hyperion>Financial planning and analysis'
		]
	}
];
