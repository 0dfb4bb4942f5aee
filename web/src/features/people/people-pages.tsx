import { PeoplePage } from './PeoplePage';

export const SupervisorsPage = () => (
  <PeoplePage
    kind="supervisors"
    linksOf={(s) => s.studentCount}
    // A supervisor's name shows in the school's list of students.
    alsoInvalidates={[['students']]}
    texts={{
      title: 'Stagebegeleiders',
      intro:
        'Geef eerst je stagebegeleiders in; daarna koppel je ze aan je leerlingen. Diensten zien hun naam, en na aanvaarding ook hun telefoon en e-mail.',
      linksColumn: 'Leerlingen',
      addTitle: 'Begeleider toevoegen',
      addButton: 'Begeleider toevoegen',
      linkedHint: 'Nog gekoppeld aan leerlingen: koppel ze eerst aan iemand anders.',
    }}
  />
);

export const ContactsPage = () => (
  <PeoplePage
    kind="contacts"
    linksOf={(c) => c.acceptanceCount}
    alsoInvalidates={[]}
    columns={[
      { header: 'Duaal lerenden', cell: (c) => `${c.dualLearners} van max. ${c.capacity}` },
      {
        header: 'Vrije plaatsen',
        cell: (c) => (c.freeSlots === 0 ? <span className="badge status-stopped">vol</span> : c.freeSlots),
      },
    ]}
    texts={{
      title: 'Contactpersonen',
      intro:
        'De contactpersonen en stagementoren van je dienst. Bij het aanvaarden van een leerling kies je er één; de school ziet dan haar naam, telefoon en e-mail. Een mentor begeleidt hoogstens 2 duaal lerenden tegelijk bij een social-profitdienst, 3 bij een lokaal bestuur.',
      linksColumn: 'Aanvaarde leerlingen',
      addTitle: 'Contactpersoon toevoegen',
      addButton: 'Contactpersoon toevoegen',
      linkedHint: 'Gekoppeld aan een aanvaarde leerling: kan niet verwijderd worden.',
    }}
  />
);
