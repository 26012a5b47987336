/**
 * Word lists for generated news text. The lists are wide enough that 50,000
 * headlines stay distinct without many redraws, and none of their entries is
 * a weekday name: the lede's weekday must be the only one the parser sees
 * there, so published dates infer as the generator intends.
 */

export const HEADLINE_ACTORS = [
  'Ministers', 'Rebels', 'Regulators', 'Unions', 'Central Bank', 'Lawmakers', 'Prosecutors',
  'Farmers', 'Investors', 'Health Officials', 'Coalition Leaders', 'Election Board', 'Port Workers',
  'Energy Firms', 'Tech Giants', 'Coast Guard', 'Teachers', 'Airline Pilots', 'City Council',
  'Scientists', 'Governors', 'Students', 'Judges', 'Doctors',
] as const;

export const HEADLINE_VERBS = [
  'Agree', 'Reject', 'Delay', 'Back', 'Unveil', 'Debate', 'Challenge', 'Approve', 'Question',
  'Revive', 'Suspend', 'Expand', 'Cut', 'Defend', 'Review', 'Block', 'Endorse', 'Scrap',
] as const;

export const HEADLINE_OBJECTS = [
  'Grain Deal', 'Budget Plan', 'Rail Strike Talks', 'Fuel Subsidies', 'Water Rights Accord',
  'Border Checks', 'Fishing Quotas', 'Pension Reform', 'Drone Rules', 'Vaccine Drive',
  'Housing Bill', 'Tariff Cuts', 'Ceasefire Terms', 'Mining Permits', 'Election Timetable',
  'Power Grid Upgrade', 'Data Privacy Law', 'Flood Defences', 'Wheat Exports', 'Port Expansion',
  'Metro Line', 'Wage Deal', 'Climate Targets', 'Bank Merger',
] as const;

export const DISASTERS = [
  'Factory Explosion', 'Flooding', 'Landslide', 'Bus Crash', 'Building Collapse', 'Heatwave',
  'Mine Blast', 'Ferry Fire', 'Storm', 'Train Derailment', 'Wildfire', 'Earthquake',
] as const;

export const REGIONS = ['Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Coastal'] as const;

/** City and country pairs for captions; the city alone serves headlines. */
export const PLACES = [
  ['Paris', 'France'], ['Moscow', 'Russia'], ['Hefei', 'China'], ['Tehran', 'Iran'],
  ['Lisbon', 'Portugal'], ['Nairobi', 'Kenya'], ['Lima', 'Peru'], ['Warsaw', 'Poland'],
  ['Manila', 'Philippines'], ['Ankara', 'Turkey'], ['Cairo', 'Egypt'], ['Dhaka', 'Bangladesh'],
  ['Bogota', 'Colombia'], ['Hanoi', 'Vietnam'], ['Accra', 'Ghana'], ['Oslo', 'Norway'],
  ['Kyiv', 'Ukraine'], ['Seoul', 'South Korea'], ['Madrid', 'Spain'], ['Lagos', 'Nigeria'],
  ['Jakarta', 'Indonesia'], ['Santiago', 'Chile'], ['Athens', 'Greece'], ['Beirut', 'Lebanon'],
  ['Tunis', 'Tunisia'], ['Karachi', 'Pakistan'], ['Quito', 'Ecuador'], ['Vienna', 'Austria'],
  ['Rabat', 'Morocco'], ['Dublin', 'Ireland'], ['Riga', 'Latvia'], ['Amman', 'Jordan'],
  ['Doha', 'Qatar'], ['Baghdad', 'Iraq'], ['Kampala', 'Uganda'], ['Brasilia', 'Brazil'],
] as const;

export const CAPTION_SUBJECTS = [
  'Rescue workers search the rubble of a collapsed building',
  'Protesters gather outside the parliament building',
  'Employees work on an electric vehicle production line',
  'Traffic moves through a street',
  'Delegates arrive for the opening session of the summit',
  'Farmers harvest wheat on the outskirts of the city',
  'Cargo ships wait to enter the port',
  'An investigator works outside a residential building',
  'Voters queue at a polling station',
  'Firefighters tackle a blaze at a warehouse',
  'Students walk past the main university library',
  'Commuters board a crowded train at the central station',
] as const;

export const REUTERS_PHOTOGRAPHERS = [
  'Anastasia Barashkova', 'Florence Lo', 'Amr Alfiky', 'Yves Herman', 'Mohamed Azakir',
  'Thomas Mukoya', 'Pilar Olivares', 'Kacper Pempel',
] as const;

export const AFP_PHOTOGRAPHERS = [
  'ATTA KENARE', 'LUDOVIC MARIN', 'TONY KARUMBA', 'ADEM ALTAN', 'JOSE JORDAN', 'TED ALJIBE',
] as const;

export const OFFICIALS = [
  'The foreign minister', 'A government spokesperson', 'The central bank governor',
  'Opposition leader Maria Santos', 'The mayor', 'Union leader Peter Okafor',
  'The health ministry', 'Prime Minister Elena Novak', 'A senior diplomat', 'The regional governor',
] as const;

export const AGENCIES = ['state media', 'the state news agency', 'local broadcasters', 'AFP', 'Reuters'] as const;

export const CLAUSES = [
  'talks would resume within weeks', 'the plan would protect thousands of jobs',
  'the measures were needed to curb rising prices', 'no agreement had yet been reached',
  'the decision would be reviewed by an independent panel', 'investigators were examining the cause',
  'the country would not bow to outside pressure', 'more funding would be released by the end of the year',
  'the deadline could be extended if both sides agreed', 'the figures showed a sharp rise in demand',
  'emergency crews had reached the worst-hit areas', 'the proposal lacked the votes to pass',
] as const;

/**
 * Body sentences. `{city}`, `{country}`, `{official}`, `{clause}`, `{agency}`
 * and `{n}` are filled per use, so bodies vary the way real ones do.
 */
export const SENTENCES = [
  'Officials in {city} said the talks would continue in the coming days.',
  'The proposal has divided lawmakers in {country}, with {n} members of the ruling coalition voicing doubts.',
  'Analysts said the move was likely to push up prices in {country} in the short term.',
  '"We are working to find a solution that protects ordinary families," {official} told reporters.',
  'Critics argue the plan does too little, too late, and {n} groups have called for an independent inquiry.',
  '{official} did not respond to a request for comment.',
  'Similar measures were introduced in {country} last year, with mixed results.',
  'Residents of {city} described long queues at petrol stations and shops running short of basic goods.',
  'The government has promised to publish a full review of the programme before the next election.',
  'Industry groups welcomed the announcement but warned that details remained unclear.',
  'Police in {city} said {n} people had been detained and an investigation was under way.',
  'Markets were little changed after the statement, with investors waiting for more details.',
  'Aid groups said access to {city} remained difficult because of damaged roads.',
  'The opposition said it would challenge the decision in the constitutional court.',
  'Earlier this year, a similar dispute led to {n} days of protests in {city}.',
  'The ministry said the new rules would take effect at the start of next month.',
  'According to {agency}, {clause}.',
  '{official} said {clause}, according to a transcript released by the ministry.',
  'At least {n} delegations from neighbouring countries attended the meeting in {city}.',
  'The dispute has strained relations between {country} and its largest trading partner.',
] as const;

export const SUBHEADS = [
  'MONTHS OF TALKS', "'VERY SPECIFIC SUBSTANCE'", 'RISING COSTS', 'NEXT STEPS', 'A DIVIDED PARLIAMENT',
  'WHAT COMES NEXT', "'WE WILL NOT GIVE UP'", 'PRESSURE ON PRICES', 'REGIONAL TENSIONS', 'LONG ROAD AHEAD',
] as const;

export const AR_ACTORS = [
  'وزراء الخارجية', 'البرلمان', 'الحكومة', 'المعارضة', 'البنك المركزي', 'الأمم المتحدة',
  'مجلس الأمن', 'النقابات', 'المزارعون', 'الأطباء',
] as const;

export const AR_TOPICS = [
  'خطة الموازنة', 'اتفاق الحبوب', 'قانون الانتخابات', 'أسعار الوقود', 'مشروع الميناء',
  'إصلاح التقاعد', 'محادثات السلام', 'أزمة المياه', 'دعم الخبز', 'خطة الإسكان',
] as const;

export const AR_PLACES = [
  'القاهرة', 'الرياض', 'بيروت', 'عمّان', 'بغداد', 'الدوحة', 'تونس', 'الرباط', 'دبي', 'الخرطوم',
  'الجزائر', 'مسقط',
] as const;

export const AR_CAPTIONS = [
  'متظاهرون يتجمعون في ساحة عامة', 'عمال إنقاذ يبحثون بين الأنقاض', 'سفن تنتظر دخول الميناء',
  'مزارعون يحصدون القمح', 'ناخبون يصطفون أمام مركز اقتراع',
] as const;

export const AR_SENTENCES = [
  'قال مسؤولون إن المحادثات ستستمر خلال الأيام المقبلة.',
  'وأكد المتحدث باسم الحكومة أن القرار يهدف إلى حماية الاقتصاد الوطني.',
  'وأشار التقرير إلى ارتفاع معدلات التضخم خلال الربع الأخير.',
  'ودعت منظمات المجتمع المدني إلى مزيد من الشفافية في إدارة الموارد.',
  'ومن المتوقع أن يصدر البرلمان قراره النهائي الأسبوع المقبل.',
  'وقال شهود عيان إن حركة المرور توقفت لساعات في وسط المدينة.',
  'وأضاف أن الحكومة ستعلن عن إجراءات جديدة لدعم الأسر المتضررة.',
  'ولم يصدر أي تعليق رسمي من وزارة الخارجية حتى الآن.',
  'وتأتي هذه الخطوة في ظل توترات إقليمية متصاعدة.',
  'وشارك في الاجتماع ممثلون عن أكثر من عشرين دولة.',
] as const;
