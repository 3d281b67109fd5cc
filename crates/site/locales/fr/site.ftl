## Navigation
nav-meetings = Réunions
nav-calendar = Calendrier
nav-groups = Groupes de travail
nav-planner = Planificateur horaire

## The language picker
lang-picker-label = Langue
lang-picker-show = Afficher

## The head and the shell
site-feed-title = Calendrier de { $name }
site-skip = Aller au contenu
site-nav-label = Site
site-footer-zone = Les heures sont affichées en { $zone }.
site-footer-subscribe = S’abonner au calendrier
site-footer-health = État des flux
site-footer-served = Propulsé par Touchpoint.

## The zone picker
zone-picker-label = Fuseau horaire
zone-picker-show = Afficher
zone-shared = Affiché en { $zone }
zone-use-mine = utiliser mon fuseau

## Occurrences in lists, shared by every page
cancelled = Annulé
no-upcoming-dates = Aucune date à venir.
join = Rejoindre
join-register = S’inscrire pour participer
join-later = Lien de participation affiché ici { $window } avant le début
join-near-start = Lien de participation affiché sur ce site { $window } avant chaque réunion
join-contact = Contact
join-contact-lower = contact
join-ask = Demander le lien de participation
join-unpublished = Lien de participation non publié
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
link-agenda = Ordre du jour
link-notes = Notes
link-recordings = Enregistrements
link-recording = Enregistrement
link-of-date = du { $date }
ics-for-date = du { $date }

## An outside calendar's event in full
details = Détails
details-of = de { $title }
details-where = Lieu : { $place }
details-event-page = Page de l’évènement
details-outside = Évènements d’autres calendriers dans cette vue

## Subscribe
subscribe = S’abonner
google-calendar = Google Agenda
subscribe-to = à { $name }
subscribe-webcal = Apple Calendrier, Outlook pour ordinateur, Thunderbird
subscribe-microsoft-365 = Microsoft 365 (professionnel ou scolaire)
subscribe-other-app = Toute autre application : abonnez-vous à cette adresse
subscribe-copy = Copier
subscribe-download = Télécharger une copie ponctuelle (.ics)
subscribe-download-note = elle n’affichera pas les modifications ultérieures
subscribe-no-address = Ce serveur ne connaît pas son adresse publique et ne peut donc pas proposer de lien d’abonnement (son administrateur définit { $base_url }, ou { $trust_forwarded } derrière un proxy).
subscribe-no-address-download = { $link }, qui ne sera pas mise à jour.

## Error pages
error-back-home = Retour à la page des réunions
error-bad-params-title = Impossible d’afficher cette page
not-found-title = Page introuvable
not-found-text = Il n’y a aucune page à cette adresse.
zone-error-title = Fuseau horaire inconnu
zone-error-asked = Il n’existe pas de fuseau horaire nommé { $zone }.
zone-error-help = Saisissez un nom de fuseau IANA, au format Zone/Ville, par exemple { $first }, { $second }, { $third } ou { $last }.
zone-error-suggestions = Vouliez-vous dire :
zone-error-back = { $link } (affichée en { $zone }).
id-error-title = { $kind ->
    [source] Calendrier inconnu
    [group] Groupe de travail inconnu
   *[series] Série inconnue
}
id-error-asked = { $kind ->
    [source] Il n’y a aucun calendrier avec l’identifiant { $id } (dans { $param }).
    [group] Il n’y a aucun groupe de travail avec l’identifiant { $id } (dans { $param }).
   *[series] Il n’y a aucune série avec l’identifiant { $id } (dans { $param }).
}
id-error-none = { $kind ->
    [source] Cette communauté n’a aucun calendrier à choisir.
    [group] Cette communauté n’a aucun groupe de travail à choisir.
   *[series] Cette communauté n’a aucune série à choisir.
}
id-error-choose = Choisissez l’un de ceux-ci :
id-error-back = { $link }.
id-error-back-link = Retour au calendrier complet

## Feed health
health-title = État des flux
health-intro = Les calendriers externes que suit cette page et le résultat de leur dernière actualisation, au { $time }.
health-no-sources = Cette communauté ne suit aucun calendrier externe.
health-channels = Canaux d’annonce
health-channels-intro = Où partent les rappels et les avis de modification, et comment se sont passés les derniers envois.
health-ok = OK
health-stale = En échec : la dernière copie valide est affichée
health-error = En échec : aucune copie valide pour l’instant
health-pending = Pas encore récupéré
health-channel-failing = En échec : les messages seront renvoyés
health-feed = Flux
health-file = Fichier { $path }
health-last-success = Dernier succès
health-last-attempt = Dernière tentative
health-last-sent = Dernier envoi
health-never = jamais
health-next-try = Prochaine tentative
health-due-now = imminente
health-next-try-start = dès le démarrage de l’actualisation
health-last-error = Dernière erreur
health-no-error = aucune
health-waiting = En attente
health-contents = Contenu

## How long ago, how soon (within a minute; the rest is when.rs)
ago-just-now = à l’instant
ago-soon = dans moins d’une minute
