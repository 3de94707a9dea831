#include "lexicon.h"

namespace newslens::quotes {

void Lexicon::add(std::uint64_t flags, std::initializer_list<const wchar_t*> words) {
    for (const wchar_t* w : words) {
        const WordId id = Vocabulary::global().intern_text(w);
        if (id >= flags_.size()) flags_.resize(id + 1, 0);
        flags_[id] |= flags;
    }
    size_ = static_cast<WordId>(flags_.size());
}

Lexicon::Lexicon() {
    add(kSpeechVerb, {
        L"said", L"says", L"say", L"told", L"tells", L"added", L"adds", L"warned", L"warns", L"wrote",
        L"writes", L"explained", L"explains", L"asked", L"asks", L"replied", L"replies", L"answered",
        L"continued", L"continues", L"insisted", L"insists", L"noted", L"notes", L"stated", L"states",
        L"declared", L"declares", L"announced", L"announces", L"claimed", L"claims", L"argued", L"argues",
        L"recalled", L"recalls", L"cried", L"shouted", L"yelled", L"screamed", L"whispered", L"exclaimed",
        L"tweeted", L"tweets", L"posted", L"admitted", L"admits", L"acknowledged", L"conceded", L"confirmed",
        L"urged", L"urges", L"pleaded", L"demanded", L"vowed", L"vows", L"promised", L"stressed", L"stresses",
        L"emphasized", L"emphasised", L"observed", L"remarked", L"suggested", L"suggests", L"complained",
        L"joked", L"laughed", L"sighed", L"commented", L"countered", L"responded", L"concluded", L"predicted",
        L"cautioned", L"lamented", L"recounted", L"testified", L"reiterated", L"mused", L"quipped",
        L"muttered", L"pleads", L"wondered", L"boasted", L"charged", L"alleged", L"described", L"called",
        L"telling", L"saying", L"adding", L"warning", L"writing", L"asking", L"noting", L"confessed",
        L"confesses", L"revealed", L"reveals", L"agreed", L"agrees", L"chanted", L"chanting", L"sang",
        L"shouting", L"crying", L"tweeting", L"posting", L"explaining", L"insisting", L"arguing", L"claiming",
        L"declaring", L"announcing", L"recalling", L"responded", L"responds", L"replying", L"begged", L"pleaded",
        L"interrupted", L"conceding", L"acknowledges", L"admitting", L"stresses", L"urging", L"predicts",
        L"concedes", L"believes", L"believed", L"thinks", L"reckons", L"reckoned", L"maintained", L"maintains",
        L"contended", L"contends", L"hinted", L"retorted", L"snapped", L"fumed", L"blasted"});
    // Present tense and reporting verbs of broadcast and print: "…," Wells reports from Geneva.
    add(kSpeechVerb, {L"reports", L"reported", L"reporting", L"pressed", L"presses", L"assured", L"assures",
                      L"proclaimed", L"proclaims", L"exhorted", L"asserted", L"asserts", L"added", L"notes",
                      L"tweets", L"posts", L"responds", L"recounts", L"concludes", L"warns", L"observes",
                      L"remarks", L"complains", L"jokes", L"quips", L"muses", L"counters", L"cautions",
                      L"laments", L"marvels", L"marveled", L"scoffed", L"scoffs", L"bristled", L"interjected",
                      L"interjects", L"intoned", L"declares", L"announces", L"insisting", L"emailed",
                      L"texted", L"messaged", L"blogged", L"sings", L"sang", L"claim", L"argue", L"warn", L"insist", L"allege", L"contend", L"wrote", L"stated", L"implored", L"beseeched"});
    add(kPhrasalSpeechVerb, {L"went", L"goes", L"chimed", L"chimes", L"pointed", L"points", L"shot", L"fired",
                             L"weighed", L"weighs", L"piped", L"spoke", L"speaks", L"summed", L"sums",
                             L"spelled", L"lashed", L"hit", L"put", L"puts"});
    // "as X put it": "it" makes "put" speech, as "in" does "chimed".
    add(kSpeechParticle, {L"on", L"in", L"out", L"back", L"up", L"it"});
    add(kRelayVerb, {L"told", L"said", L"says", L"tells", L"asked", L"wrote", L"warned", L"urged"});
    add(kVerbParticle, {L"out", L"back", L"up", L"again", L"later", L"loudly", L"quietly"});
    add(kPersonTitle | kTitle, {L"mr", L"mrs", L"ms", L"miss", L"dr", L"sgt", L"sergeant", L"gen", L"general", L"col",
                      L"colonel", L"capt", L"captain", L"lt", L"lieutenant", L"maj", L"major", L"prof",
                      L"professor", L"sen", L"senator", L"rep", L"representative", L"gov", L"governor",
                      L"president", L"mayor", L"judge", L"justice", L"king", L"queen", L"prince", L"princess",
                      L"pope", L"minister", L"secretary", L"chancellor", L"premier", L"ambassador", L"sir",
                      L"dame", L"lord", L"lady", L"rev", L"reverend", L"father", L"sister", L"brother",
                      L"cpl", L"corporal", L"pvt", L"private", L"adm", L"admiral", L"cmdr", L"commander",
                      L"lawmaker", L"congressman", L"congresswoman", L"sheikh", L"emir", L"cardinal",
                      L"bishop", L"archbishop", L"director", L"spokesman", L"spokeswoman", L"spokesperson",
                      L"leader", L"chairman", L"chairwoman", L"chair", L"ceo", L"chief", L"officer", L"brig",
                      L"inspector", L"detective", L"superintendent", L"coach", L"dean", L"deputy", L"envoy",
                      L"sheriff", L"constable", L"mp", L"mep", L"msp", L"baroness", L"baron", L"earl", L"duke",
                      L"duchess", L"commissioner", L"attorney", L"rabbi", L"imam", L"ayatollah", L"marshal"});
    // Titles: the person titles and the words that extend them.
    add(kTitle, {L"vice", L"prime", L"foreign", L"defense", L"defence", L"interior", L"state",
                             L"attorney", L"head", L"acting", L"former", L"secretary-general", L"general",
                             L"undersecretary", L"executive", L"senior", L"opposition", L"interim", L"commissioner",
                             L"official", L"analyst", L"expert", L"lawyer", L"economist", L"professor", L"founder",
                             L"president-elect", L"health", L"finance", L"justice", L"trade", L"economy"});
    add(kFunctionWord, {
        L"the", L"a", L"an", L"in", L"on", L"at", L"but", L"and", L"or", L"so", L"if", L"when", L"while",
        L"as", L"after", L"before", L"during", L"since", L"though", L"although", L"because", L"for", L"with",
        L"without", L"from", L"by", L"to", L"of", L"under", L"over", L"despite", L"meanwhile", L"however",
        L"yesterday", L"today", L"tomorrow", L"last", L"this", L"that", L"these", L"those", L"then", L"now",
        L"still", L"yet", L"also", L"even", L"only", L"just", L"many", L"most", L"some", L"several", L"all",
        L"both", L"each", L"every", L"other", L"another", L"such", L"asked", L"speaking", L"according",
        L"like", L"unlike", L"earlier", L"later", L"instead", L"here", L"there", L"it", L"its", L"we", L"they",
        L"he", L"she", L"his", L"her", L"our", L"their", L"my", L"your", L"i", L"you", L"one", L"two",
        L"three", L"four", L"five", L"six", L"seven", L"eight", L"nine", L"ten", L"no", L"not", L"nearly",
        L"almost", L"about", L"around", L"more", L"less", L"what", L"who", L"why", L"how", L"where", L"which",
        L"do", L"does", L"did", L"is", L"are", L"was", L"were", L"be", L"has", L"have", L"had", L"will",
        L"would", L"can", L"could", L"should", L"may", L"might", L"must", L"let", L"please", L"thanks",
        L"thank", L"yes", L"oh", L"well", L"once", L"again", L"until", L"through", L"into", L"upon", L"among",
        L"amid", L"against", L"toward", L"towards", L"within", L"outside", L"inside", L"per", L"via",
        L"additional", L"related", L"read", L"more", L"see", L"watch", L"skip", L"share", L"click"});
    add(kCalendarWord, {L"monday", L"tuesday", L"wednesday", L"thursday", L"friday", L"saturday", L"sunday",
                       L"january", L"february", L"march", L"april", L"june", L"july", L"august",
                       L"september", L"october", L"november", L"december", L"feb", L"aug", L"sept",
                       L"oct", L"nov", L"dec", L"christmas", L"easter"});
    add(kOrganisationWord, {
        L"guard", L"press", L"agency", L"service", L"services", L"ministry", L"army", L"forces", L"force",
        L"university", L"council", L"union", L"party", L"association", L"international", L"news",
        L"department", L"office", L"republic", L"street", L"city", L"river", L"bridge", L"states", L"nations",
        L"kingdom", L"assembly", L"congress", L"senate", L"house", L"court", L"company", L"corporation",
        L"inc", L"ltd", L"group", L"bank", L"fund", L"organization", L"organisation", L"committee",
        L"commission", L"institute", L"foundation", L"airlines", L"airways", L"airport", L"times", L"post",
        L"journal", L"reuters", L"endowment", L"center", L"centre", L"church", L"school", L"hospital",
        L"police", L"navy", L"air", L"region", L"province", L"county", L"mountains", L"sea", L"ocean",
        L"lake", L"island", L"islands", L"america", L"american", L"americans", L"europe", L"european",
        L"africa", L"african", L"asia", L"asian", L"east", L"west", L"north", L"south", L"latin", L"gulf",
        L"national", L"federal", L"general", L"united", L"democratic", L"people's", L"peoples", L"network",
        L"television", L"radio", L"tv", L"channel", L"daily", L"herald", L"tribune", L"gazette", L"media",
        L"club", L"team", L"league", L"cup", L"championship", L"market", L"exchange", L"mall", L"square",
        L"avenue", L"road", L"park", L"valley", L"coast", L"border", L"crossing", L"plaza", L"palace",
        L"capitol", L"parliament", L"government", L"administration", L"authority", L"authorities",
        L"brigade", L"battalion", L"regiment", L"command", L"military", L"council", L"summit", L"alliance",
        L"coalition", L"movement", L"front", L"program", L"programme", L"project", L"initiative",
        L"operation", L"act", L"law", L"treaty", L"accord", L"day", L"week", L"year", L"war", L"airport",
        L"station", L"port", L"canal", L"desert", L"forest", L"hills", L"peninsula", L"strait", L"bay",
        L"district", L"territory", L"state", L"empire", L"dynasty", L"trust", L"holdings", L"partners",
        L"capital", L"securities", L"motors", L"energy", L"oil", L"gas", L"foods", L"pharmaceuticals",
        L"technologies", L"systems", L"labs", L"software", L"web", L"online", L"digital", L"science",
        L"tech", L"business", L"world", L"global", L"politics", L"opinion", L"sport", L"sports", L"health",
        L"travel", L"culture", L"entertainment", L"lifestyle", L"video", L"videos", L"photos", L"page",
        L"home", L"menu", L"search", L"sign", L"login", L"subscribe", L"newsletter", L"cookies", L"privacy",
        L"terms", L"contact", L"advertisement", L"sponsored", L"brief", L"found", L"content", L"main",
        L"most", L"read", L"month", L"all", L"written", L"oops", L"something", L"wrong", L"guardian",
        L"independent", L"telegraph", L"observer", L"economist", L"agence", L"presse", L"afp", L"bbc", L"cnn",
        L"nbc", L"cbs", L"abc", L"associated", L"bloomberg", L"unicef", L"nato", L"microsoft", L"google",
        L"apple", L"amazon", L"facebook", L"twitter", L"ministry", L"labour", L"conservative", L"conservatives",
        L"democrats", L"republicans", L"tories", L"liberal"});
    add(kNameParticle, {L"de", L"da", L"del", L"della", L"di", L"dos", L"das", L"do", L"du", L"van", L"von",
                       L"der", L"den", L"la", L"le", L"bin", L"ibn", L"al", L"el", L"y", L"ter", L"ten"});
    add(kOpener, {L"meanwhile", L"however", L"but", L"and", L"yet", L"still", L"later", L"earlier", L"then",
                L"also", L"so", L"instead", L"separately", L"asked", L"speaking", L"in", L"on", L"at", L"during",
                L"after", L"before", L"when", L"while", L"as", L"if", L"since", L"although", L"though",
                L"for", L"with", L"without", L"from", L"under", L"over", L"despite", L"yesterday", L"today",
                L"now", L"last", L"this", L"on", L"by", L"once", L"like", L"unlike", L"according", L"in",
                L"referring", L"responding", L"addressing", L"writing", L"standing", L"sitting", L"again",
                L"indeed", L"moreover", L"furthermore", L"similarly", L"likewise", L"nevertheless", L"thus",
                L"overall", L"finally", L"first", L"second", L"ultimately", L"previously", L"recently"});
    add(kAppositionStart, {L"a", L"an", L"the", L"who", L"which", L"whose", L"his", L"her", L"their", L"its",
                          L"one", L"also", L"himself", L"herself", L"now", L"then", L"formerly", L"aged"});
    add(kSubjectStop, {L"on", L"in", L"at", L"during", L"after", L"before", L"last", L"this", L"when", L"while",
                      L"who", L"as", L"from", L"to", L"about", L"which", L"that", L"yesterday", L"today",
                      L"told", L"adding", L"referring", L"according", L"and", L"but", L"with", L"by", L"for",
                      L"earlier", L"later", L"recently", L"previously", L"tonight", L"monday", L"tuesday",
                      L"wednesday", L"thursday", L"friday", L"saturday", L"sunday", L"whose", L"where",
                      L"because", L"since", L"although", L"though", L"if", L"into", L"via", L"over", L"under",
                      L"than", L"then", L"there", L"here", L"is", L"was", L"are", L"were", L"has", L"had",
                      L"have", L"will", L"would"});
    add(kSpeechNoun, {L"warning", L"warnings", L"claim", L"claims", L"statement", L"words", L"remark",
                     L"remarks", L"call", L"calls", L"promise", L"pledge", L"message", L"assertion",
                     L"insistence", L"argument", L"comment", L"comments", L"question", L"reply", L"response",
                     L"vow", L"threat", L"appeal", L"plea", L"description", L"suggestion", L"accusation",
                     L"declaration", L"announcement", L"admission", L"boast", L"assurance", L"slogan",
                     L"tweet", L"post", L"letter", L"speech", L"demand", L"advice", L"prediction"});
    add(kOccupation, {L"farmer", L"teacher", L"student", L"nurse", L"soldier", L"worker", L"driver", L"vendor",
                    L"fisherman", L"shopkeeper", L"activist", L"resident", L"pensioner", L"retiree", L"engineer",
                    L"journalist", L"reporter", L"photographer", L"artist", L"musician", L"writer", L"author",
                    L"novelist", L"actor", L"actress", L"singer", L"rapper", L"designer", L"architect", L"banker",
                    L"trader", L"broker", L"miner", L"pilot", L"doctor", L"surgeon", L"scientist", L"researcher",
                    L"historian", L"priest", L"pastor", L"imam", L"rabbi", L"veteran", L"survivor", L"witness",
                    L"star", L"striker", L"midfielder", L"defender", L"goalkeeper", L"manager", L"boss", L"player",
                    L"presenter", L"host", L"comedian", L"director", L"producer", L"campaigner", L"protester",
                    L"candidate", L"mp", L"peer", L"economist", L"analyst", L"lawyer", L"businessman",
                    L"businesswoman", L"entrepreneur", L"investor", L"chef", L"owner", L"landlord", L"tenant",
                    L"mechanic", L"electrician", L"officer", L"guard", L"volunteer", L"organiser", L"organizer",
                    L"skipper", L"captain", L"champion", L"sprinter", L"runner", L"winger", L"batsman", L"bowler"});
    add(kCollectiveSpeaker, {L"police", L"officials", L"authorities", L"analysts", L"experts", L"residents",
                            L"witnesses", L"protesters", L"demonstrators", L"critics", L"observers", L"doctors",
                            L"officers", L"investigators", L"prosecutors", L"sources", L"diplomats", L"lawyers",
                            L"campaigners", L"activists", L"scientists", L"researchers", L"economists",
                            L"organisers", L"organizers", L"rescuers", L"survivors", L"relatives", L"locals",
                            L"villagers", L"supporters", L"fans", L"opponents", L"officials", L"spokesmen",
                            L"traders", L"workers", L"students", L"parents", L"teachers", L"nurses", L"soldiers",
                            L"troops", L"rebels", L"militants", L"insurgents", L"crowds", L"voters", L"staff",
                            L"executives", L"ministers", L"lawmakers", L"legislators", L"senators", L"mps",
                            L"judges", L"medics", L"paramedics", L"firefighters", L"migrants", L"refugees"});
    add(kDocumentNoun, {L"statement", L"statements", L"letter", L"lawsuit", L"suit", L"complaint", L"filing",
                        L"release", L"email", L"e-mail", L"memo", L"tweet", L"blog", L"affidavit", L"petition",
                        L"submission", L"testimony", L"indictment"});
    add(kRoleNoun, {L"politician", L"leader", L"president", L"minister", L"lawmaker", L"senator", L"governor",
                   L"mayor", L"spokesman", L"spokeswoman", L"premier", L"chancellor", L"congressman",
                   L"congresswoman", L"prime", L"secretary", L"ambassador", L"envoy", L"general",
                   L"commander", L"coach", L"candidate", L"chairman", L"chairwoman", L"ceo", L"founder",
                   L"billionaire", L"star", L"singer", L"actor", L"actress", L"player", L"striker", L"manager"});
    add(kMaleTitle, {L"mr", L"sir", L"mister"});
    add(kFemaleTitle, {L"mrs", L"ms", L"miss", L"madam"});
    add(kPossessivePronoun, {L"his", L"her", L"their"});
    add(kPreVerbWord, {L"also", L"then", L"later", L"again", L"still", L"just", L"once", L"never", L"always",
                       L"earlier", L"has", L"had", L"have", L"was", L"is", L"will", L"would", L"could", L"did",
                       L"does", L"even", L"first", L"previously", L"recently", L"reportedly", L"simply", L"only",
                       L"himself", L"herself", L"itself", L"themselves"});  // "Cruz himself said"
    add(kNotSpeaker, {L"it", L"this", L"that", L"there", L"which", L"who", L"what", L"i", L"we", L"they", L"you",
                      L"he", L"she"});
    add(kNamingWord, {L"called", L"entitled", L"titled", L"named", L"dubbed", L"headlined", L"codenamed",
                      L"code-named", L"slogan"});
    add(kWorkNoun, {L"on", L"film", L"movie", L"book", L"novel", L"memoir", L"autobiography", L"biography",
                    L"show", L"series", L"sitcom", L"documentary", L"album", L"song", L"single", L"play",
                    L"musical", L"program", L"programme", L"podcast", L"column", L"essay", L"magazine",
                    L"newspaper", L"hit", L"classic", L"episode", L"exhibition", L"opera", L"poem"});
    add(kWordLikeGivenName, {L"will", L"mark", L"bill", L"frank", L"jack", L"rose", L"grace", L"hope", L"may",
                             L"guy", L"pat", L"rob", L"june", L"joy", L"faith", L"dean", L"earl", L"sue", L"ray",
                             L"gene", L"carol", L"amber", L"victor"});
    add(kPlaceStart, {L"new", L"los", L"las", L"san", L"santa", L"sao", L"são", L"saint", L"st", L"port", L"fort",
                      L"mount", L"lake", L"cape", L"buenos", L"hong", L"sri", L"tel", L"abu", L"kuala", L"rio",
                      L"costa", L"puerto", L"gran", L"ciudad", L"addis", L"dar", L"sierra", L"tierra", L"salt",
                      L"palm", L"baton"});
    add(kPlaceEnd, {L"arabia", L"lanka", L"kong", L"zealand", L"angeles", L"vegas", L"delhi", L"aires", L"janeiro",
                    L"paulo", L"aviv", L"dhabi", L"lumpur", L"salvador", L"rica", L"leone", L"guinea", L"korea",
                    L"africa", L"kingdom", L"states", L"emirates", L"caledonia", L"herzegovina", L"tobago",
                    L"verde", L"faso", L"timor", L"york", L"jersey", L"orleans", L"mexico", L"hampshire",
                    L"dakota", L"carolina", L"virginia", L"ababa", L"salaam", L"strip", L"heights"});
    add(kAuxiliary, {L"is", L"was", L"has", L"had", L"will", L"would"});
    add(kConjunction, {L"and", L"but", L"or", L"so", L"yet", L"then"});
    add(kNameSuffix, {L"jr", L"sr", L"inc", L"corp", L"ltd", L"co"});
    add(kRolePreposition, {L"at", L"of", L"for", L"with", L"from"});
    Vocabulary& v = Vocabulary::global();
    word = {v.intern(L"the"), v.intern(L"a"), v.intern(L"an"), v.intern(L"he"), v.intern(L"she"),
            v.intern(L"it"), v.intern(L"they"), v.intern(L"we"), v.intern(L"one"), v.intern(L"that"),
            v.intern(L"of"), v.intern(L"to"), v.intern(L"according"), v.intern(L"which"), v.intern(L"whom"), v.intern(L"as")};
}

}  // namespace newslens::quotes
