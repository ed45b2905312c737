package nlp

// The name lists below are claimtrail's own. Each line of a list is one
// entity: its canonical name first, then aliases, separated by "|".

const outletNames = `CNN|Cable News Network
Reuters|Thomson Reuters
Associated Press|AP
Agence France-Presse|AFP
BBC|BBC News|British Broadcasting Corporation
Al Jazeera
Dawn
Geo News|Geo
Express Tribune|The Express Tribune
The Hindu
Times of India|The Times of India
Hindustan Times
NDTV
India Today
Fox News
New York Times|The New York Times|NYT
Washington Post|The Washington Post
Wall Street Journal|The Wall Street Journal|WSJ
The Guardian|Guardian
Bloomberg
Politico
Axios
Haaretz
Times of Israel|The Times of Israel
Jerusalem Post|The Jerusalem Post
Anadolu|Anadolu Agency
TASS
Xinhua
Sky News
NBC News|NBC
CBS News|CBS
ABC News
NPR
Breitbart|Breitbart News
HuffPost|Huffington Post|The Huffington Post
USA Today`

const organizationNames = `Central Intelligence Agency|CIA|US Central Intelligence Agency
Interpol
Hamas
Hezbollah
United Nations|UN|U.N.
World Bank
International Monetary Fund|IMF
NATO
European Union|EU
White House
Pentagon
Kremlin
Federal Bureau of Investigation|FBI
Taliban
Congress
Parliament
Senate`

const placeNames = `Pakistan|Pakistani|Pakistanis|Islamabad
India|Indian|Indians|New Delhi|Delhi
Israel|Israeli|Israelis|Tel Aviv|Jerusalem
United States|US|U.S.|USA|America|American|Americans|Washington
Gaza|Gaza Strip|Gazan
Palestine|Palestinian|Palestinians
Egypt|Egyptian|Cairo
Iran|Iranian|Tehran
Turkey|Turkish|Türkiye|Ankara
Qatar|Qatari|Doha
Indonesia|Indonesian|Jakarta
Azerbaijan|Azerbaijani|Baku
Saudi Arabia|Saudi|Riyadh
United Arab Emirates|UAE|Emirati
Afghanistan|Afghan|Kabul
China|Chinese|Beijing
Russia|Russian|Moscow
Ukraine|Ukrainian|Kyiv
United Kingdom|UK|U.K.|Britain|British|London
France|French|Paris
Germany|German|Berlin
Japan|Japanese|Tokyo
Africa|African
Asia|Asian
Europe|European
Middle East
Line of Control|LoC
Gulf|Gulf states
Syria|Syrian|Damascus
Lebanon|Lebanese|Beirut
Jordan|Jordanian|Amman
Iraq|Iraqi|Baghdad
Mexico|Mexican
Canada|Canadian
Nicaragua|Managua
Brazil|Brazilian
Nigeria|Nigerian
Kashmir|Kashmiri`

// personNames are people news names often enough that a list beats
// guessing their names' shape.
const personNames = `Donald Trump|Trump
Hillary Clinton|Clinton
Barack Obama|Obama
Joe Biden|Biden
Benjamin Netanyahu|Netanyahu
Narendra Modi|Modi
Shehbaz Sharif|Sharif
Vladimir Putin|Putin`

const givenNames = `John James Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer Linda
Elizabeth Barbara Susan Jessica Sarah Karen Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua
Kenneth Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan
Stephen Larry Justin Scott Brandon Benjamin Samuel Frank Gregory Raymond Alexander Patrick Jack Dennis
Jerry Tyler Aaron Jose Henry Adam Douglas Nathan Peter Zachary Kyle Walter Harold Jeremy Ethan Carl
Keith Roger Gerald Christian Terry Sean Arthur Austin Noah Lawrence Jesse Joe Bryan Billy Jordan Albert
Dylan Bruce Willie Gabriel Alan Juan Logan Wayne Ralph Roy Eugene Randy Vincent Russell Louis Philip
Bobby Johnny Bradley Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol
Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna
Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria
Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith Megan
Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice Madison
Muhammad Mohammad Mohammed Ahmed Ahmad Ali Hassan Hussain Imran Shehbaz Nawaz Bilawal Maryam
Ishaq Asif Omar Umar Abdul Abdullah Tariq Khalid Faisal Usman Bilal Zahid Rahul Amit Raj Priya
Narendra Arvind Sonia Vladimir Xi Emmanuel Angela Olaf Recep Benjamin Yair Naftali Ismail Yahya Mahmoud`

const organizationEnds = `Agency Ministry Department Office Council Committee Commission Bank Fund Party Army Navy
Force Forces Corps Command Police Service Services Bureau Authority Institute University College School
Hospital Group Inc Inc. Corp Corp. Corporation Company Ltd Ltd. LLC Association Union Federation Foundation
Organisation Organization Coalition Alliance Movement Front Brigade Brigades Court Parliament Assembly
Senate Congress Board Trust Network Center Centre Society Club League Administration Government Cabinet
Secretariat Directorate Wing Mission Initiative Programme Program Project Council`

const outletWords = `Times Post Herald Tribune Gazette Journal Telegraph Chronicle Daily Weekly Wire Observer
Express Mirror Sun Standard Review Monitor Dispatch Courier Ledger Bulletin Record Inquirer TV Radio
Broadcasting Channel Media Press Magazine Newspaper`

const capitalisedStopwords = `The A An In On At For From By With Without Of And Or But If When While As After Before
Since Until Although Though Because So Yet Still However Meanwhile Moreover Furthermore Also Then
This That These Those It Its He She They We I You His Her Their Our My Your Him Them Us
There Here Where What Which Who Whom Whose Why How All Some Any Each Every No Not None Many Most
Several Such Other Another Both Either Neither Only Just Even Beyond Despite Under Over Into Onto
According Adding Responding Speaking Earlier Later Today Yesterday Tomorrow Now Ideally Indeed
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Is Are Was Were Be Been Do Does Did Has Have Had
Will Would Can Could Should Shall Might Must Mr Mrs Ms Dr Sources Officials Analysts Reports
Many One Two Three Four Five Ten Twenty Hundred Thousand Million Billion`
