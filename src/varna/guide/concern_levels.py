"""Which prevention level a concern belongs to, and why – the guideline's sections 2–4 as data.

The guideline does not give a decision table; it describes three levels and who turns
where. This module is our reading of it, one row per answer, each row citing the
section it rests on so that anyone can check it against the text:

* **The community-building level (section 2)** is where norm-breaking behaviour is
  first met: "vandalisering och anlagda bränder, mobbing, skadegörelse, drogmissbruk,
  ... kriminalitet, antidemokratiska värderingar, våldshandlingar". Staff meet it
  with their general competence and the channels of 2.4, which answer the question
  "I am worried about someone in my activity". Opinions are challenged, not reported:
  radical or even extreme opinions are not illegal, and nobody may be suspected
  needlessly (2, 2.3). A concern about a group, an area or a phenomenon – not one
  person – stays here too (2.3: "om allt står rätt till med en individ eller grupp").
* **The risk-group level (section 3)** exists "to prevent ill-health, crime,
  antisociality and extremism" where what an activity promotes is not enough, and
  3.4 answers "I am worried about a particular risk behaviour". Drugs and young
  people at risk or young offenders are named areas of the cooperation agreement
  with the police at this level (3.2); violence is the antisocial behaviour the level
  exists to prevent.
* **The indicated level (section 4)** is where someone "riskerar sin/sitt eller andras
  liv, hälsa eller utveckling". Its examples: moving in violent, anti-democratic
  milieus, wanting to fight abroad, sympathies and engagement in extreme movements,
  and being exposed to crime or pressure "att vara något annat än vad de är".

Violent extremist propaganda is not named by the guideline. We place it at the
indicated level: what it spreads is, by the guideline's own definition (section 1),
the promotion of violence for an ideological goal, and showing it is the kind of
sympathy for extreme movements section 4 lists – more than the anti-democratic
opinion section 2 asks adults to challenge. Placing it there routes the question
to the people who assess risk (most often the police, section 4) and who give support
(social services); it does not say that the young person is an extremist, and every
reason says so.

The level is the highest of what the seriousness and the observations call for; a
general concern about a group stays at the community-building level whatever was
observed, because the indicated level is work with one individual (section 4.2).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from varna.guide.concern_vocabulary import Category, Concern, Seriousness
from varna.guide.model import Level

LEVEL_ORDER: MappingProxyType[Level, int] = MappingProxyType(
    {Level.UNIVERSAL: 0, Level.SELECTIVE: 1, Level.INDICATED: 2}
)


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for the level: a Swedish sentence and the section of the guideline it rests on."""

    text_sv: str
    section: str

    @property
    def citation_sv(self) -> str:
        return f"Riktlinjen avsnitt {self.section}"


@dataclass(frozen=True, slots=True)
class LevelRule:
    """The lowest level an answer calls for, and why."""

    level: Level
    reason: Reason


SERIOUSNESS_RULES: MappingProxyType[Seriousness, LevelRule] = MappingProxyType({
    Seriousness.GENERAL: LevelRule(Level.UNIVERSAL, Reason(
        "Din oro gäller inte en viss person utan en grupp, ett område eller något du ser bland unga. "
        "Sådana frågor möter du på den samhällsbyggande nivån, med din yrkeskompetens och genom de "
        "vanliga kanalerna för oro.", "2 och 2.3")),
    Seriousness.WORRIED: LevelRule(Level.UNIVERSAL, Reason(
        "Du är orolig för en viss ung person. Riktlinjen svarar först på just den frågan: vart du "
        "vänder dig när du är orolig för någon.", "2.4")),
    Seriousness.SERIOUS: LevelRule(Level.INDICATED, Reason(
        "Du bedömer att personen riskerar sitt eget eller andras liv, hälsa eller utveckling. Det är "
        "riktlinjens gräns för den indikerade nivån, där varken främjande eller förebyggande arbete "
        "räcker och stödet ges till den enskilde.", "4")),
    Seriousness.IMMEDIATE_DANGER: LevelRule(Level.INDICATED, Reason(
        "Någons liv eller hälsa är i fara just nu. Ring 112 först. Därefter hör frågan till den "
        "indikerade nivån, där en person riskerar sitt eget eller andras liv eller hälsa.", "4")),
})

CATEGORY_RULES: MappingProxyType[Category, LevelRule] = MappingProxyType({
    Category.VANDALISM: LevelRule(Level.UNIVERSAL, Reason(
        "Vandalisering, anlagda bränder och skadegörelse är normbrytande beteenden som riktlinjen "
        "räknar med att medarbetare möter med sin egen kompetens och de vanliga kanalerna på den "
        "samhällsbyggande nivån.", "2")),
    Category.BULLYING: LevelRule(Level.UNIVERSAL, Reason(
        "Mobbning är ett av de normbrytande beteenden som möts på den samhällsbyggande nivån, i "
        "skolans och fritidens vardagliga arbete.", "2")),
    Category.ANTI_DEMOCRATIC_VALUES: LevelRule(Level.UNIVERSAL, Reason(
        "Antidemokratiska värderingar möts på den samhällsbyggande nivån: trygga vuxna utmanar ungas "
        "åsikter och låter dem argumentera. Att ha radikala eller ens extrema åsikter är inte "
        "olagligt, och ingen ska misstänkliggöras i onödan.", "2 och 2.3")),
    Category.DRUGS: LevelRule(Level.SELECTIVE, Reason(
        "Droger är ett av de områden som staden och polisen samverkar om på riskgruppsnivån, vars "
        "ansats är att förebygga ohälsa och kriminalitet. Oro för en ung persons drogbruk är oro "
        "för ett visst riskbeteende.", "3.2 och 3.4")),
    Category.CRIME: LevelRule(Level.SELECTIVE, Reason(
        "Unga i riskzonen och unga som begår brott är ett av samverkansområdena på riskgruppsnivån, "
        "som ska förebygga kriminalitet. Oro för att en ung person begår brott är oro för ett visst "
        "riskbeteende.", "3.2 och 3.4")),
    Category.VIOLENCE: LevelRule(Level.SELECTIVE, Reason(
        "Våldshandlingar är det antisociala beteende som riskgruppsnivån finns till för att "
        "förebygga. Oro för att en ung person använder våld är oro för ett visst riskbeteende.",
        "3 och 3.4")),
    Category.EXTREMIST_PROPAGANDA: LevelRule(Level.INDICATED, Reason(
        "Våldsbejakande propaganda främjar våld för att nå ett ideologiskt mål – riktlinjens "
        "definition av våldsbejakande extremism. Att visa den är mer än en åsikt; riktlinjen räknar "
        "unga med sympatier för och engagemang i extrema rörelser till den indikerade nivån. Det "
        "betyder inte att personen är extremist, utan att frågan hör hemma hos dem som bedömer "
        "risken – oftast polisen – och hos dem som kan ge stöd.", "1 och 4")),
    Category.EXTREMIST_CONTACTS: LevelRule(Level.INDICATED, Reason(
        "Att aktivt röra sig i miljöer med våldsbejakande, antidemokratiska idéer är ett av "
        "riktlinjens exempel på den indikerade nivån.", "4")),
    Category.WANTS_TO_FIGHT_ABROAD: LevelRule(Level.INDICATED, Reason(
        "Unga som vill strida utomlands är ett av riktlinjens exempel på den indikerade nivån.", "4")),
    Category.PRESSURED: LevelRule(Level.INDICATED, Reason(
        "Unga som utsätts för brott eller för påtryckningar att vara något annat än de är – till "
        "exempel att dras in i en grupp – är ett av riktlinjens exempel på den indikerade nivån.",
        "4")),
})

GROUP_STAYS_UNIVERSAL = Reason(
    "Det du har sett skulle hos en enskild person kunna höra till en högre nivå, men din oro gäller "
    "en grupp eller ett område. Den indikerade nivån är arbete med enskilda; ta upp det du har sett "
    "med SSP-samordnaren eller motsvarande, som kan föra det vidare till samverkan på riskgruppsnivån. "
    "Gäller oron en viss person, svara det i stället.", "2.3, 3.2 och 4.2")

INDICATED_NOTE = Reason(
    "En riskbedömning görs oftast av polisen. Din uppgift är att säga vad du har sett och hört, inte "
    "att bedöma risken själv – och kommunens uppdrag är att stödja den unge, inte att bekämpa brott.",
    "4 och 4.4")


@dataclass(frozen=True, slots=True)
class LevelDecision:
    """The level and the reasons for it, most decisive first."""

    level: Level
    reasons: tuple[Reason, ...]


def _higher(a: Level, b: Level) -> Level:
    return a if LEVEL_ORDER[a] >= LEVEL_ORDER[b] else b


def decide_level(concern: Concern) -> LevelDecision:
    """The prevention level for a concern: the highest level its answers call for.

    A general concern about a group stays at the community-building level (see the
    module docstring); otherwise the seriousness sets a floor and each observation
    can raise it. Reasons list what decided the level first – the seriousness when it
    alone reaches the level, else the observations that do – then the rest, each once.
    """
    floor = SERIOUSNESS_RULES[concern.seriousness]
    observed = [c for c in Category if c in concern.observed]
    if not concern.about_an_individual:
        if any(CATEGORY_RULES[c].level is not Level.UNIVERSAL for c in observed):
            return LevelDecision(Level.UNIVERSAL, (floor.reason, GROUP_STAYS_UNIVERSAL))
        return LevelDecision(Level.UNIVERSAL, (floor.reason,))

    level = floor.level
    for category in observed:
        level = _higher(level, CATEGORY_RULES[category].level)
    deciding = [CATEGORY_RULES[c].reason for c in observed if CATEGORY_RULES[c].level is level]
    others = [CATEGORY_RULES[c].reason for c in observed if CATEGORY_RULES[c].level is not level]
    reasons: list[Reason] = []
    order = (floor.reason, *deciding, *others) if floor.level is level else (*deciding, floor.reason, *others)
    for reason in order:
        if reason not in reasons:
            reasons.append(reason)
    if level is Level.INDICATED:
        reasons.append(INDICATED_NOTE)
    return LevelDecision(level, tuple(reasons))
