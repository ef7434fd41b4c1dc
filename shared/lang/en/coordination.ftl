# Meetings, their action items, missions, documents and contacts.
