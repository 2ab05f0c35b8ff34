/**
 * The induction letter's default Welsh wording.
 * FOR REVIEW BY A WELSH SPEAKER before it is sent to participants: written by the development
 * team in plain Welsh (Cymraeg clir), using "chi" throughout.
 */
import type { InductionTemplate } from '@shared/schemas/documents';

export const inductionCy: InductionTemplate = {
  subject: 'Eich cyfarfod cyntaf gyda ni',
  salutation: 'Annwyl {{participant.preferredName}},',
  intro:
    'Mae’r Ganolfan Byd Gwaith wedi gofyn i ni eich helpu i ddod o hyd i waith. Hoffem gwrdd â chi i siarad am y gwaith rydych chi eisiau a’r cymorth y gallwn ei roi. Mae’r llythyr hwn yn dweud pryd a ble y byddwn yn cwrdd, a beth i’w ddisgwyl.',
  meetingHeading: 'Eich cyfarfod',
  labels: {
    date: 'Dyddiad',
    time: 'Amser',
    place: 'Lle',
    contact: 'Pwy fyddwch chi’n ei gwrdd',
    phone: 'Ffôn',
    email: 'E-bost',
    publicTransport: 'Bws a thrên',
    parking: 'Parcio',
    stepFree: 'Mynediad heb risiau',
    stepFreeYes: 'Oes. Mae mynediad heb risiau i’r adeilad ac i’r ystafelloedd cyfarfod.',
    stepFreeNo:
      'Nac oes. Ffoniwch ni a byddwn yn trefnu cwrdd â chi rywle y gallwch chi ei gyrraedd.',
  },
  travelHeading: 'Sut i gyrraedd',
  supportHeading: 'Y cymorth rydyn ni’n ei gynnig',
  supportIntro:
    'Gallwn eich helpu i benderfynu pa waith sy’n addas i chi, ysgrifennu CV, llenwi ceisiadau a pharatoi ar gyfer cyfweliadau. Gallwn hefyd eich cysylltu â chymorth gydag arian, tai, gofal plant, iechyd a hyfforddiant.',
  bringHeading: 'Beth i ddod gyda chi',
  bring: [
    'Y llythyr hwn.',
    'Rhywbeth sy’n dangos pwy ydych chi, fel pasbort, trwydded yrru neu gerdyn banc.',
    'Eich rhif Yswiriant Gwladol, os ydych chi’n ei wybod.',
    'CV, a manylion unrhyw hyfforddiant neu gymwysterau, os oes gennych rai.',
    'Eich sbectol, cymhorthion clyw neu unrhyw beth arall rydych chi’n ei ddefnyddio bob dydd.',
  ],
  adjustmentsHeading: 'Newidiadau rydyn ni wedi’u gwneud i chi',
  adjustmentsIntro:
    'Fe ddywedoch chi wrthym am yr anghenion hyn. Rydyn ni wedi cynllunio eich cyfarfod o’u cwmpas. Rhowch wybod i ni os oes unrhyw beth wedi newid.',
  promisesHeading: 'Beth allwch chi ei ddisgwyl gennym ni',
  expectedHeading: 'Beth rydyn ni’n ei ddisgwyl gennych chi',
  expected: [
    'Dewch i’ch cyfarfodydd, neu rhowch wybod i ni cyn y cyfarfod os na allwch ddod.',
    'Dywedwch wrthym am unrhyw beth sy’n ei gwneud yn anoddach i chi weithio neu ddod i gyfarfodydd.',
    'Dywedwch wrthym ni a’r Ganolfan Byd Gwaith os bydd eich amgylchiadau’n newid, er enghraifft os byddwch yn symud tŷ neu’n dechrau gweithio.',
  ],
  rearrangeHeading: 'Os oes angen i chi newid y dyddiad',
  rearrange:
    'Ffoniwch {{contact.name}} ar {{office.phone}} neu anfonwch e-bost at {{office.email}} cyn gynted ag y gallwch. Byddwn yn dod o hyd i amser sy’n gyfleus i chi. Os na fyddwch yn dod a heb ddweud wrthym, byddwn yn cysylltu â chi o fewn {{charter.missedContactDays}} diwrnod.',
  nextHeading: 'Beth sy’n digwydd nesaf',
  next: 'Yn y cyfarfod ar {{appointment.date}} byddwn yn siarad amdanoch chi, eich sgiliau a’r gwaith rydych chi eisiau. Gyda’n gilydd byddwn yn ysgrifennu eich {{plan.name}}: eich nodau gwaith a’r camau i’w cyrraedd. Ar ôl hynny byddwn yn cwrdd o leiaf {{charter.meetingsAMonth}}.',
  complaintsHeading: 'Adborth a chwynion',
  complaintsIntro:
    'Rydyn ni eisiau clywed beth rydych chi’n ei feddwl, da neu ddrwg. Ni fydd dweud wrthym byth yn effeithio ar eich cymorth. Os ydych chi’n anhapus, dilynwch y camau hyn yn eu trefn:',
  privacyHeading: 'Eich gwybodaeth',
  privacy:
    'Rydyn ni’n cadw eich manylion yn ddiogel ac yn eu defnyddio dim ond i’ch helpu i ddod o hyd i waith a’i gadw. Rydyn ni’n eu rhannu â’r Ganolfan Byd Gwaith ac â gwasanaethau rydych chi’n cytuno i gael eich cyfeirio atynt. Gallwch ofyn i weld y wybodaeth sydd gennym amdanoch chi.',
  signOff: 'Yn gywir,',
};
