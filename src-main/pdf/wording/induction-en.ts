/** The induction letter's default English wording: plain English, short sentences, "you" and "we". */
import type { InductionTemplate } from '@shared/schemas/documents';

export const inductionEn: InductionTemplate = {
  subject: 'Your first meeting with us',
  salutation: 'Dear {{participant.preferredName}},',
  intro:
    'Jobcentre Plus has asked us to help you find work. We would like to meet you to talk about the work you want and the support we can give. This letter tells you when and where we will meet, and what to expect.',
  meetingHeading: 'Your meeting',
  labels: {
    date: 'Date',
    time: 'Time',
    place: 'Place',
    contact: 'Who you will meet',
    phone: 'Phone',
    email: 'Email',
    publicTransport: 'Bus and train',
    parking: 'Parking',
    stepFree: 'Step-free access',
    stepFreeYes: 'Yes. There is step-free access to the building and the meeting rooms.',
    stepFreeNo: 'No. Please call us and we will arrange to meet you somewhere you can get to.',
  },
  travelHeading: 'How to get there',
  supportHeading: 'Support we offer',
  supportIntro:
    'We can help you decide what work suits you, write a CV, fill in applications and get ready for interviews. We can also put you in touch with help with money, housing, childcare, health and training.',
  bringHeading: 'What to bring',
  bring: [
    'This letter.',
    'Something that shows who you are, such as a passport, driving licence or bank card.',
    'Your National Insurance number, if you know it.',
    'A CV, and details of any training or qualifications, if you have them.',
    'Your glasses, hearing aids or anything else you use day to day.',
  ],
  adjustmentsHeading: 'Changes we have made for you',
  adjustmentsIntro:
    'You told us about these needs. We have planned your meeting around them. Tell us if anything has changed.',
  promisesHeading: 'What you can expect from us',
  expectedHeading: 'What we expect from you',
  expected: [
    'Come to your meetings, or tell us before the meeting if you cannot come.',
    'Tell us about anything that makes it harder for you to work or get to meetings.',
    'Tell us and Jobcentre Plus if your circumstances change, for example if you move house or start work.',
  ],
  rearrangeHeading: 'If you need to change the date',
  rearrange:
    'Call {{contact.name}} on {{office.phone}} or email {{office.email}} as soon as you can. We will find a time that works for you. If you do not come and have not told us, we will contact you within {{charter.missedContactDays}} days.',
  nextHeading: 'What happens next',
  next: 'At the meeting on {{appointment.date}} we will talk about you, your skills and the work you want. Together we will write your {{plan.name}}: your job goals and the steps to reach them. After that we will meet at least {{charter.meetingsAMonth}}.',
  complaintsHeading: 'Feedback and complaints',
  complaintsIntro:
    'We want to hear what you think, good or bad. Telling us will never affect your support. If you are unhappy, follow these steps in order:',
  privacyHeading: 'Your information',
  privacy:
    'We keep your details safe and use them only to help you find and keep work. We share them with Jobcentre Plus and with services you agree to be referred to. You can ask to see the information we hold about you.',
  signOff: 'Yours sincerely,',
};
