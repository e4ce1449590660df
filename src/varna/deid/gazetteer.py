"""Hand-written word lists: Malmö's places, what always stays, and context words.

Written for Värna from general knowledge of Malmö and of how staff write case notes
(licence EUPL-1.2, like the project). The lists are short on purpose: each entry is
something a reviewer can check, and the pipeline's tests say why each kind is needed.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.replace("\n", ",").split(",") if w.strip())


# Malmö's administrative districts of 2013–2017 and the former city districts (stadsdelar)
# that are larger parts of the city. Generalised to "ett stadsområde". Rosengård, a former
# stadsdel too, is listed as a neighbourhood: that is how staff and readers use the name.
MALMO_DISTRICTS = _words("""
Norr, Söder, Öster, Väster, Innerstaden, Södra Innerstaden, Västra Innerstaden, Centrum,
Fosie, Husie, Oxie, Limhamn, Limhamn-Bunkeflo, Bunkeflo, Kirseberg, Hyllie,
Västra hamnen, Västra Hamnen, Malmö Norr, Malmö Söder, Malmö Öster, Malmö Väster
""") - {"Norr", "Söder", "Öster", "Väster", "Centrum"}

# Neighbourhoods (delområden) and villages within Malmö: small enough that a young person
# living there can be recognised together with an age, so they become "ett bostadsområde".
MALMO_NEIGHBOURHOODS = _words("""
Almhög, Annelund, Apelgården, Augustenborg, Backarna, Bellevue, Bellevuegården, Bellevueåsen,
Bernstorp, Borgmästargården, Bulltofta, Bunkeflostrand, Dammfri, Djupadal, Ellstorp,
Elinelund, Eriksfält, Eriksfältsstaden, Flensburg, Fortuna, Fridhem, Friluftsstaden,
Fågelbacken, Gamla staden, Gamla Staden, Gullviksborg, Gröndal, Gyllebo, Heleneholm, Herrgården,
Hermodsdal, Hindby, Holma, Holmastaden, Husie, Håkanstorp, Höja, Jägersro, Jägersro villastad,
Kastanjegården, Katrinelund, Kirsebergsstaden, Klagshamn, Kristineberg, Kroksbäck, Kryddgården,
Kulladal, Kvarnby, Käglinge, Lindeborg, Lindängen, Ljungen, Lorensborg, Lugnet, Malmgården,
Mellanhedsgården, Mellanheden, Melody, Möllevången, Nobeltorget, Norra Sofielund, Nydala, Nyhamnen,
Rosengård, Oxie, Persborg, Rönneholm, Rostorp, Ribersborg, Riseberga, Risebergafältet,
Segevång, Sege, Seved, Slottsstaden, Sofielund, Sorgenfri, Stenkällan, Södervärn,
Södra Sofielund, Toftanäs, Tygelsjö, Törnrosen, Valdemarsro, Videdal, Vintrie, Västra Kattarp,
Värnhem, Västra Skrävlinge, Östra Skrävlinge, Örtagården, Östervärn, Östra Sorgenfri,
Ön, Hyllievång, Holmeja, Skumparp, Kulladal, Lönngården, Mölleplatsen, Hästhagen, Johanneslust,
Almvik, Rörsjöstaden, Rådmansvången, Kronprinsen, Nydalatorget, Sevedsgården, Hermodsdalsgården,
Västra hamnen, Västra Hamnen, Limhamn, Bunkeflo, Hyllie, Kirseberg, Fosie,
Tensta, Rinkeby, Husby, Hjulsta, Akalla, Alby, Fittja, Hallunda, Norsborg, Skärholmen, Bredäng,
Hagsätra, Rågsved, Ronna, Hovsjö, Araby, Hammarkullen, Angered, Biskopsgården, Bergsjön, Hjällbo,
Lövgärdet, Gårdsten, Navestad, Skäggetorp, Vivalla, Gottsunda, Valsätra, Fornhöjden, Drottninghög,
Planteringen, Norra Fäladen, Kronogården, Nydala, Kroksbäck
""")

# Squares, shopping centres, parks, stations and beaches: "en plats".
MALMO_SPOTS = _words("""
Möllevångstorget, Möllan, Stortorget, Lilla torg, Gustav Adolfs torg, Gustav, Värnhemstorget,
Södertull, Triangeln, Emporia, Mobilia, Entré, Caroli, Hansacompagniet, Burlöv center,
Burlöv Center, Jägersro center, Rosengård centrum, Rosengårds centrum, Dalaplan, Sevedsplan,
Pildammsparken, Slottsparken, Kungsparken, Folkets park, Folkets Park, Ribersborgsstranden,
Ribban, Stapelbäddsparken, Kroksbäcksparken, Enskifteshagen, Hyllie station, Malmö C,
Centralstationen, Ikea Svågertorp, Svågertorp, Nydala torg, Lindängens centrum, Bellevuegårdens
centrum, Amiralsgatan, Nobeltorget, Davidshall, Davidshallstorg, Davidshallstorget,
Gustav Adolfs Torg, Stadion, Swedbank Stadion, Malmö Arena, Ribersborgs kallbadhus,
Folkets Park, Sofielunds folkets hus, Kulturhuset, Gnistan, Bennets bro, Bennets Bro,
Beijers park, Beijerspark, Rönnen, Kroksbäcks park, Augustenborgs park, Lindängsparken,
Drottningtorget, Gustav Adolfs torg, Värnhemstorget, Limhamns torg, Kirsebergs torg, Ribersborg,
Triangelns station, Triangelstationen, Hyllie centrum, Mobilia, Emporia, Caroli City,
Lorensborgs centrum, Södervärnsterminalen, Persborgs station, Svågertorps station, Malmö Live,
Kockums fritid, Kockum fritid, Västra hamnens skatepark, Stapelbäddsparken, Sibbarp,
Scaniaparken, Turning Torso, Malmöhus, Kungsparken, Magistratsparken, Sofielundsparken,
Möllevångsparken, Ärtholmen, Kirsebergsparken, Lindängens centrum
""")

# Malmö's own words for its spots, mostly in slang, that are ordinary words in lower case
# ("triangeln" is a triangle): in lower case they count only right after a preposition of
# place – "hänger på triangeln", "ses vid entré" – and never after an article or adjective.
SPOTS_AFTER_PREPOSITION = frozenset({"triangeln", "entré", "caroli", "gustav", "fridhem", "sege", "höja",
                                     "melody", "fortuna"})
PLACE_PREPOSITIONS = frozenset({"på", "vid", "till", "från", "utanför", "nära", "runt", "bakom",
                                "framför", "förbi", "innanför", "mittemot", "fr", "frn", "t"})

# Schools in Malmö known by a short name rather than by "-skolan": independent schools
# and chains (AcadeMedia, Thorengruppen, Hermods, NTI …) and municipal upper-secondary
# schools that pupils call by a part of the name. Compiled for Värna from the schools'
# own public names (Malmö stad's and Skolverket's school registers list them); matched
# whole, in any case, because chats write "bladins" and "malmö latin". A school word after
# the name ("gymnasium", "skola", "Business School") goes with it.
SCHOOL_NAMES = _words("""
Bladins, Hermods, ProCivitas, Procivitas, NTI, Thoren, Thorengruppen, Thoren Business School,
Thoren Framtid, Didaktus, Drottning Blankas, Malmö Latin, Malmö Latinskola, Malmö Borgarskola,
Kunskapsgymnasiet, Kunskapsskolan, Framtidsgymnasiet, Realgymnasiet, Plusgymnasiet,
Jensen Gymnasium, Jensen Education, Internationella Engelska Skolan,
Engelska Skolan, Pauliskolan, Universitetsholmens gymnasium, Heleneholms gymnasium,
Malmö idrottsgymnasium, Sankt Petri skola, S:t Petri skola, Värnhemsskolan,
Praktiska, Praktiska gymnasiet, Vittra, Pysslingen, Jensen, LBS Kreativa gymnasiet, Ljud & Bildskolan
""")
# Of those, the ones that in lower case are ordinary words ("praktiska", "vittra") or a
# surname: written small they count only with a school word after them, and "Jensen" only so.
SCHOOL_NAMES_NEEDING_A_SCHOOL_WORD = frozenset({"praktiska", "vittra", "pysslingen", "jensen",
                                                "engelska skolan"})
SCHOOL_NAMES_ALWAYS_NEEDING_ONE = frozenset({"jensen"})
# Words that may follow a school's short name and belong to it.
SCHOOL_NAME_TAILS = frozenset({"gymnasium", "gymnasiet", "gymnasieskola", "gymnasieskolan", "skola", "skolan",
                               "grundskola", "grundskolan", "friskola", "friskolan", "privata", "business",
                               "school", "international", "of", "malmö", "förskola", "förskolan",
                               "vuxenutbildning", "komvux", "yrkeshögskola", "sfi"})

# What always stays: countries, regions, large cities, authorities, platforms, movements,
# faiths. A word here is never a name, whatever the name lists say ("Jordan", "Israel").
KEEP = _words("""
Sverige, Norge, Danmark, Finland, Island, Tyskland, Polen, Frankrike, Spanien, Italien,
England, Storbritannien, Irland, USA, Amerika, Kanada, Mexiko, Chile, Brasilien, Argentina,
Colombia, Peru, Bolivia, Venezuela, Kuba, Ryssland, Ukraina, Vitryssland, Belarus, Estland,
Lettland, Litauen, Ungern, Rumänien, Bulgarien, Grekland, Turkiet, Cypern, Serbien, Kroatien,
Bosnien, Bosnien-Hercegovina, Hercegovina, Montenegro, Kosovo, Albanien, Makedonien,
Nordmakedonien, Slovenien, Slovakien, Tjeckien, Österrike, Schweiz, Belgien, Nederländerna,
Holland, Portugal, Syrien, Irak, Iran, Afghanistan, Pakistan, Indien, Bangladesh, Kina, Japan,
Korea, Vietnam, Thailand, Filippinerna, Indonesien, Malaysia, Libanon, Jordanien, Israel,
Palestina, Gaza, Västbanken, Egypten, Libyen, Tunisien, Algeriet, Marocko, Sudan, Sydsudan,
Eritrea, Etiopien, Somalia, Somaliland, Puntland, Djibouti, Kenya, Uganda, Tanzania, Nigeria,
Ghana, Gambia, Senegal, Mali, Kongo, Rwanda, Burundi, Sydafrika, Jemen, Saudiarabien, Oman,
Qatar, Kuwait, Bahrain, Emiraten, Förenade, Arabemiraten, Tjetjenien, Georgien, Armenien,
Azerbajdzjan, Uzbekistan, Tadzjikistan, Kazakstan, Kurdistan, Rojava, Europa, Afrika, Asien,
Mellanöstern, Orienten, Balkan, Norden, Skandinavien, Västerlandet, Arktis, Sahara, Levanten,
Skåne, Halland, Blekinge, Småland, Gotland, Öland, Norrland, Lappland, Dalarna, Värmland,
Stockholm, Göteborg, Malmö, Uppsala, Lund, Helsingborg, Linköping, Norrköping, Västerås,
Örebro, Umeå, Gävle, Jönköping, Växjö, Kristianstad, Karlstad, Luleå, Sundsvall, Borås,
Eskilstuna, Halmstad, Södertälje, Trelleborg, Ystad, Landskrona, Hässleholm, Köpenhamn,
Oslo, Helsingfors, Berlin, London, Paris, Bryssel, Madrid, Rom, Moskva, Istanbul, Ankara,
Damaskus, Aleppo, Homs, Raqqa, Idlib, Bagdad, Basra, Mosul, Erbil, Kirkuk, Sulaymaniyah,
Teheran, Kabul, Herat, Kandahar, Mazar, Mogadishu, Hargeisa, Asmara, Addis, Abeba, Kairo,
Beirut, Amman, Jerusalem, Mecka, Medina, Sarajevo, Belgrad, Zagreb, Pristina, Tirana,
Skopje, Warszawa, Krakow, Bangkok, Hanoi, Santiago, Kiev, Kyiv,
Gud, Allah, Jesus, Kristus, Koranen, Bibeln, Toran, Islam, Kristendomen, Judendomen,
Ramadan, Eid, Jul, Påsk, Midsommar, Nyår, Profeten, Herren,
Socialtjänsten, Polisen, Säpo, Säkerhetspolisen, Migrationsverket, Försäkringskassan,
Arbetsförmedlingen, Kriminalvården, Skatteverket, Skolverket, Kronofogden, Åklagarmyndigheten,
Tingsrätten, Hovrätten, Kommunen, Regionen, Region, Länsstyrelsen, Socialstyrelsen,
Barnahus, BUP, SiS, IVO, JO, MUCF, Brå, Rädda, Barnen, Röda, Korset, Unicef, Bris, Friends,
Stadskontoret, Plattform, Malmö stad, Fältgruppen, Ungdomsmottagningen, Vårdcentralen,
Facebook, Instagram, Snapchat, Snap, TikTok, Tiktok, YouTube, Youtube, WhatsApp, Whatsapp,
Telegram, Discord, Twitter, Messenger, Kik, Reddit, Flashback, Swish, Spotify, Google,
Netflix, Twitch, Steam, PlayStation, Xbox, Fortnite, Minecraft, Roblox, Wickr, Signal,
Viber, Skype, Zoom, Teams, Hotmail, Gmail, Outlook, Iphone, iPhone, Android, Apple,
IS, ISIS, Daesh, Isil, Shabaab, al-Shabaab, Qaida, al-Qaida, Hizbollah, Hamas, PKK, YPG, PYD,
Talibanerna, Nusra, NMR, Nordfront, AFA, SD, Sverigedemokraterna, Socialdemokraterna,
Moderaterna, Vänsterpartiet, Centerpartiet, Liberalerna, Kristdemokraterna, Miljöpartiet,
Nordiska, Motståndsrörelsen, Revolutionära, Fronten, Soldiers, Odin, Hizb, Tahrir,
Brödraskapet, Muslimska, Förintelsen, Andra, Världskriget, FN, EU, Nato, NATO,
Svenska, Engelska, Arabiska, Somaliska, Persiska, Dari, Pashto, Kurdiska, Sorani, Kurmanji,
Tigrinja, Tigrinya, Bosniska, Serbiska, Kroatiska, Albanska, Polska, Turkiska, Finska,
Thai, Vietnamesiska, Spanska, Ryska, Tyska, Franska,
Mvh, Hälsningar, Hej, Hejsan, Tjena, Tack, Ok, Okej, OK, Sms, SMS, Mejl, Bilaga,
Handläggare, Socialsekreterare, Mentor, Kurator, Rektor, Elev, Ärende, Anmälan, Orosanmälan,
Bakgrund, Nuläge, Bedömning, Åtgärd, Åtgärder, Plan, Insats, Insatser, Samtal, Sammanfattning,
Datum, Tid, Plats, Närvarande, Deltagare, Från, Till, Ämne, Kopia, Skickat, Ang, Angående,
Dnr, Diarienr, Tel, Tfn, Mob, Mobil, Pnr, Nr, Adr, Lgh, Ref, Obs, OBS, PM, Ca, Bl, Jfr, Mfl, Resp, Dvs, Tex,
Kl, Vg, Vgv, Fr, Fd, Ev, Enl, Insp, Bitr, Avd, Enh, Kap, Sek, Ordf, Mvh
""")

# Names of public services, study associations and support organisations that contain a
# person's name or a word from the name lists: they point to no one and stay.
KEEP_PHRASES: tuple[str, ...] = (
    "Maria Ungdom", "Maria Malmö", "Maria Skåne", "Ibn Rushd", "Exit Fryshuset", "Fryshuset", "Sensus",
    "Studiefrämjandet", "Medborgarskolan", "Vuxenskolan", "Studieförbundet Bilda", "Bilda", "Hela Människan",
    "Stadsmissionen", "Individuell Människohjälp", "Unga KRIS", "Maskrosbarn", "Tjejzonen", "Killfrågor",
    "Barnombudsmannen", "Sveriges Kommuner och Landsting", "Statens institutionsstyrelse", "Rädda Barnen",
    "Röda Korset", "Brottsofferjouren", "Kvinnojouren", "Tjejjouren", "Terrafem", "Elektra",
    "Kurdiska Riksförbundet", "Sveriges Unga Muslimer", "Islamiska Förbundet", "Svenska kyrkan",
    "Svenska Kyrkan", "Malmö stad", "Region Skåne", "Plattform Malmö", "Polisen Syd", "Polisregion Syd",
    "Malmö IP",
)

# Words that can only be names when the text gives a reason – frequent Swedish words that
# are also in the name lists ("Hans bror …", "Alla vet …", "Bara en gång …").
FREQUENT_WORDS = _words("""
alla, allt, andra, annan, annat, att, av, bara, bo, bor, bra, dag, dagar, de, dem, den, denna,
det, detta, dom, du, efter, eller, en, ett, fast, fler, fick, finns, flera, fram, från, får,
för, före, ganska, genom, glad, går, gör, ha, hade, han, hans, har, hela, hem, hennes, henne,
hit, hon, hos, hur, här, i, igen, ingen, inga, inget, inte, jag, ja, kan, klara, klar, kom,
kommer, kvar, kväll, lite, lilla, man, mark, max, med, mellan, men, mer, mest, mig, min, mina,
mitt, mot, mycket, många, ned, ner, nu, när, någon, några, något, nästa, och, också, om, oss,
per, på, ring, rosa, sa, sade, sedan, sen, ser, sin, sina, sitt, själv, ska, skulle, slut,
som, stor, stora, så, till, tror, tyst, under, upp, ut, utan, vad, var, vara, varit, vem,
vi, vid, vill, visa, väl, än, ännu, år, åt, över, sol, vår, vän, liv, ros, ung, unga, viss,
frank, fri, frid, fred, glen, hall, holm, rask, ren, rex, vide, ek, tor, ask, dam, ring,
blom, kvist, love, kim, ester, tyra, mio, sten, stig, storm, björn, varg, saga, iris, bris,
klara, linda, lisa, maj, juni, juli, april, mars, dana, sam, bo, vilja, liv, ela, ada,
mark, mats, per, hans, ivar, lo, ali
""") - {"lisa", "linda", "björn", "kim", "ali", "sam", "mats", "ivar", "tyra", "ester", "ada",
        "dana", "mio", "iris", "saga", "ela", "glen", "frank", "stig"}

# Function words and the commonest verbs: never a name unless a cue says so, wherever they
# stand and however they are written ("Alla vet", a heading "Finns det …").
FUNCTION_WORDS = _words("""
alla, allt, andra, annan, annat, att, av, bara, de, dem, den, denna, dessa, det, detta, dom, du, efter,
eller, en, ett, fast, fler, fick, finns, fanns, flera, fram, från, får, för, före, genom, går, gör, ha,
hade, han, har, hela, hem, hennes, henne, hit, hon, hos, hur, här, igen, ingen, inga, inget, inte, jag,
ja, kan, kom, kommer, kunde, kvar, lite, man, med, mellan, men, mer, mest, mig, min, mina, mitt, mot,
mycket, många, ned, ner, nu, när, någon, några, något, nästa, och, också, om, oss, på, sa, sade, sedan,
sen, ser, sin, sina, sitt, själv, ska, skulle, som, så, till, tror, under, upp, ut, utan, vad, var,
vara, varit, vem, vi, vid, vill, ville, väl, än, ännu, år, åt, över, vår, våra, vårt, er, era, ert,
dessutom, därför, då, där, dit, ibland, alltid, aldrig, kanske, också, samt, enligt, inom, utanför,
blev, blir, gick, tog, gav, satt, stod, låg, måste, borde, kunna, ska, skall, vet, visste,
hej, tack, okej, ok, nej, jo, nja, ev, bl, osv, mfl, etc, ca, dvs, tex, resp, fr, tom, fom
""")

# Common English and chat words that must not count as lower-case names ("love u", "bro").
CHAT_WORDS = _words("""
love, bro, sis, man, king, queen, boss, baby, honey, angel, star, sun, moon, will, may, april,
june, july, august, mark, bill, grace, hope, joy, faith, rose, lily, summer, autumn, winter,
dawn, sky, river, rain, storm, brandy, crystal, ruby, amber, jade, pearl, candy, cash, chase,
dean, drew, guy, jack, jean, joe, john, ken, kid, lee, matt, max, mike, nick, pat, ray, rob,
rod, roy, sam, sean, ted, tom, tony, van, wade, will, young, bobby, jimmy, lol, asså, typ,
yalla, wallah, walla, habibi, habibti, inshallah, mashallah, bre, len, guss, jalla, shuno,
ey, aina, abow, mannen, sho, ok, okej, kk, mvh, hej, tjena, hejsan, ja, nej, yes, no, bye,
sorry, please, thanks, thx, omg, wtf, fuck, shit, bitch, guzz, gäri, keff, para, cash, beef,
snitch, gangsta, brorsan, syrran, mamma, pappa, farsan, morsan, dude, man, amen, salam,
salaam, alhamdulillah, haram, halal, kafir, kuffar, jihad, ummah, dawa, shirk, sharia, hijab,
niqab, imam, sheikh, emir, kalifat, khalifa, martyr, shahid, tawhid, takfir, hijra, deen,
din, sunna, sunni, shia, salafi, ikhwan, aryan, white, power, heil, sieg, folk, kamp
""")

# Role and relation words that come right before a person's name ("mentorn Lisa").
ROLE_WORDS = _words("""
mentor, mentorn, kurator, kuratorn, rektor, rektorn, biträdande, lärare, läraren, lärarinnan,
fröken, magister, klassföreståndare, klassföreståndaren, socialsekreterare, socialsekreteraren,
handläggare, handläggaren, utredare, utredaren, socionom, socionomen, polis, polisen,
närpolis, närpolisen, kontaktpolis, kontaktpolisen, polisinspektör, inspektör, kommissarie,
fältassistent, fältassistenten, fältarbetare, fältarbetaren, fritidsledare, fritidsledaren,
ungdomscoach, ungdomscoachen, coach, coachen, tränare, tränaren, ledare, ledaren, imam,
imamen, präst, prästen, pastor, pastorn, diakon, diakonen, skolsköterska, skolsköterskan,
sjuksköterska, sjuksköterskan, psykolog, psykologen, skolpsykolog, skolpsykologen, läkare,
läkaren, doktor, dr, advokat, advokaten, ombud, ombudet, tolk, tolken, kontaktperson,
kontaktpersonen, god, man, gode, mannen, familjehemsmamma, familjehemspappa,
specialpedagog, specialpedagogen, studievägledare, studievägledaren, syv, samordnare,
samordnaren, enhetschef, enhetschefen, chef, chefen, kollega, kollegan, kollegor,
pappa, pappan, mamma, mamman, far, fadern, mor, modern, farsan, morsan, bror, brodern,
brorsan, lillebror, lillebrorsan, storebror, storebrorsan, syster, systern, syrran,
lillasyster, storasyster, halvbror, halvsyster, kusin, kusinen, farbror, farbrodern, morbror,
morbrodern, moster, mostern, faster, fastern, mormor, morfar, farmor, farfar, styvpappa,
styvpappan, styvmamma, styvmamman, bonuspappa, bonusmamma, son, sonen, dotter, dottern,
barnet, kompis, kompisen, kompisar, kompisarna, kamrat, kamraten, vän, vännen, vännerna,
bästis, bästisen, flickvän, flickvännen, pojkvän, pojkvännen, tjej, tjejen, kille, killen,
pojke, pojken, flicka, flickan, elev, eleven, eleverna, ungdom, ungdomen, klasskompis,
klasskompisen, granne, grannen, sambo, sambon, fru, frun, make, maken, hustru, hustrun,
partner, partnern, herr, hr, fru, ägaren, medlemmen, personen, mannen, kvinnan, pojkarna,
klienten, brukaren, patienten, den, unge, mannen, hej, hejsan, tjena, hallå, kära, bästa,
mvh, hälsningar, hälsning, vänliga, till, med, och, kontakta, ring, träffade, träffat,
träffar, pratade, pratat, pratar, sms:a, sms:ade, ringde, mejlade, skrev, enligt
""") - {"den", "man", "god", "gode", "till", "med", "och", "mannen"}

# Cues after which the next word is a name or nickname, whatever it looks like.
NAME_CUES = _words("""
heter, hette, kallas, kallad, kallade, kallades, kallat, alias, aka, smeknamn, smeknamnet,
smeknamnen, nick, nicket, nickname, signaturen, namnet, benämnd, benämns, tilltalas,
tilltalsnamn, tilltalsnamnet, förnamn, efternamn, förnamnet, efternamnet
""")

# Words that may sit between a cue and the name ("heter egentligen Amir", "kallas för Lillen").
CUE_FILLERS = _words("för, egentligen, faktiskt, visst, också, ju, alltså, bara, sig, sig själv, själv")

# Common words that end a cue's reach: "vad han heter är oklart".
CUE_STOPS = _words("""
det, den, detta, så, inte, nog, han, hon, de, dom, man, något, någon, vad, vem, är, var, och,
att, som, i, på, med, en, ett, hen, ingen, inget, okänt, oklart
""")

# Particles inside a full name: "Ali al-Hassan", "Ludwig von Berg", "Abu Bakr".
NAME_PARTICLES = _words("al, el, bin, ibn, abu, abd, abdul, von, van, der, de, da, dos, del, af, la, le, di")

# Nouns that precede the proper name of an organisation ("föreningen Kvinnokraft",
# "fritidsgården Gryningen"); the value is the label of what they name.
ORGANISATION_HEADS: dict[str, str] = {
    **dict.fromkeys(("skolan", "förskolan", "grundskolan", "friskolan", "gymnasiet", "gymnasieskolan",
                     "folkhögskolan", "högstadiet", "högstadieskolan", "särskolan", "skola", "förskola",
                     "friskola", "gymnasium"), "school"),
    **dict.fromkeys(("föreningen", "förening", "idrottsföreningen", "kulturföreningen",
                     "idrottsklubben", "klubben", "fotbollsklubben", "kampsportsklubben", "laget",
                     "gymmet", "boxningsklubben", "brottarklubben", "studieförbundet",
                     "ungdomsföreningen", "kvinnoföreningen", "föräldraföreningen", "nätverket",
                     "organisationen", "stiftelsen", "rörelsen", "scoutkåren", "kören"), "association"),
    **dict.fromkeys(("moskén", "församlingen", "kyrkan", "synagogan", "templet", "moské",
                     "församling", "kyrka", "bönelokalen"), "place_of_worship"),
    **dict.fromkeys(("fritidsgården", "fritidsgård", "mötesplatsen", "träffpunkten", "boendet",
                     "hvb-hemmet", "hvb", "hemmet", "stödboendet", "familjehemmet", "företaget", "firman",
                     "restaurangen", "butiken", "affären", "kiosken", "pizzerian", "frisören",
                     "verkstaden", "lagret", "bolaget", "caféet", "kaféet", "salongen", "gallerian",
                     "biblioteket", "ungdomsgården", "kafét", "restaurang", "pizzeria", "café", "kafé",
                     "hotell", "hotel", "bar", "simhallen", "badhuset", "dansstudion", "dansstudio",
                     "komvux", "frisörsalong", "städfirma", "åkeri",
                     "bilverkstad", "bageri", "konditori"), "organisation"),
    **dict.fromkeys(("masjid", "moschee"), "place_of_worship"),
    # Chains: a store is named by its chain and its place ("Hemköp Lindängen", "Coop Forum Jägersro").
    **dict.fromkeys(("ica", "coop", "hemköp", "willys", "lidl", "netto", "pressbyrån", "systembolaget",
                     "apoteket", "jysk", "biltema", "bauhaus", "elgiganten", "rusta", "okq8", "preem",
                     "ingo"), "workplace"),
}
# The chain words above whose name may follow in lower case when it is a known place ("ica nära möllan").
CHAIN_HEADS = frozenset({"ica", "coop", "hemköp", "willys", "lidl", "netto", "pressbyrån"})
# Nouns after a place that make a named institution of it: "Lindängens äldreboende", "Hyllie bibliotek".
INSTITUTION_NOUNS = frozenset({"bibliotek", "biblioteket", "äldreboende", "äldreboendet", "vårdcentral",
                               "vårdcentralen", "simhall", "simhallen", "fritidsgård", "fritidsgården",
                               "ungdomsgård", "ungdomsgården", "kyrka", "kyrkan", "moské", "moskén",
                               "bibliotekets", "äldreboendets", "badhus", "sporthall", "sporthallen",
                               "idrottshall", "idrottshallen", "församling", "församlingen", "förskola",
                               "förskolan", "gymnasium"})

# Endings of compound names of organisations: "Rosengårdsskolan", "Sankt Petri kyrka".
ORGANISATION_ENDINGS: tuple[tuple[str, str], ...] = (
    ("folkhögskolan", "school"), ("folkhögskola", "school"), ("förskolan", "school"),
    ("skolan", "school"), ("skola", "school"), ("gymnasiet", "school"), ("gymnasium", "school"),
    ("akademin", "school"), ("moskén", "place_of_worship"), ("moské", "place_of_worship"),
    ("kyrkan", "place_of_worship"), ("kyrka", "place_of_worship"),
    ("församlingen", "place_of_worship"), ("församling", "place_of_worship"),
    ("föreningen", "association"), ("förening", "association"), ("klubben", "association"),
    ("klubb", "association"),
    ("gården", "organisation"), ("hemmet", "organisation"), ("boendet", "organisation"),
)

# Generic words that end like a named organisation but are ordinary nouns.
GENERIC_ORGANISATIONS = _words("""
skolan, skola, förskolan, förskola, grundskolan, grundskola, friskolan, gymnasiet, gymnasium,
högstadieskolan, mellanstadieskolan, lågstadieskolan, folkhögskolan, folkhögskola, särskolan,
kommunala, kyrkan, kyrka, moskén, moské, församlingen, församling, föreningen, förening,
klubben, fritidsgården, gården, hemmet, boendet, akademin, musikskolan, kulturskolan,
simskolan, körskolan, trafikskolan, söndagsskolan, koranskolan, sommarskolan, hemskolan,
idrottsföreningen, fotbollsföreningen, kampsportsföreningen, kulturföreningen, statskyrkan,
svenska kyrkan, frikyrkan, frikyrka, hemkyrkan, familjehemmet, föräldrahemmet, barnhemmet,
ungdomshemmet, behandlingshemmet, hvb-hemmet, stödboendet, gruppboendet, skolgården,
innergården, bakgården, fritidsgårdarna, bondgården, hemgården, grannskolan, hemskolan,
mottagningsskolan, storskolan, gymnasieskolan, gymnasieskola, yrkesskolan, grundsärskolan,
resursskolan, vuxenskolan, flickskolan, internatskolan, dagskolan, kvällsskolan
""")

# Short club suffixes and prefixes in Swedish sport: "Kroksbäcks IF", "IFK Malmö".
CLUB_MARKS = _words("IF, FF, BK, IK, FK, SK, BoIS, AIF, GIF, HK, IBK, KK, BTK, SS, BBK, GoIF, BoIK, FC, IFK, "
                    "AIK, KFUM, KFUK")

# Acronyms in case notes that are never names.
ACRONYMS = _words("""
LVU, LVM, SoL, OSL, BrB, SFS, SOU, KBT, BBIC, HVB, SFI, SFB, BUP, BUS, LSS, SIP, ADHD, ADD,
ASD, PTSD, OCD, IQ, AI, IT, TV, PC, VD, HR, AB, HB, EU, FN, USA, UK, NATO, NMR, IS, ISIS,
SD, AFA, PKK, YPG, IBK, IF, FF, BK, IK, FK, SK, KK, SMS, MMS, GPS, PDF, CV, ID, OK, ÅK, NPF,
SSPF, SIS, SiS, IVO, JO, JK, MUCF, MSB, CTC, DNR, KS, SN, SON, SRN, SDN, UBN, GRUF, SRF, ASF,
FSF, GSF, SBF, ICA, COOP, IKEA, H&M, MFF, LFF, HIF, IFK, AIK, GAIS, HV, BP, BMW, VW, SAAB
""")
