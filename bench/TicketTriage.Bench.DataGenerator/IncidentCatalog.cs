namespace TicketTriage.Bench.DataGenerator;

/// <summary>
/// The incidents a service desk sees in a normal week, weighted by how often they come in. The
/// texts are written as callers write them, so some mention terms of more than one routing rule
/// (a phishing email, a printer that lost its network) and some match no rule at all.
/// </summary>
internal static class IncidentCatalog
{
    public static IReadOnlyList<IncidentKind> Kinds { get; } =
    [
        new(
            "password-reset",
            12,
            [
                "Password reset needed",
                "Forgot my password",
                "Locked out of my account",
                "Account locked after too many attempts",
                "Cannot log in to {app}",
                "Password expired and I cannot change it",
                "Login fails with invalid credentials",
            ],
            [
                "I tried to log in this morning and got the message that my account is locked.",
                "My password expired over the weekend and the reset page keeps rejecting the new one.",
                "I cannot sign in to {app} {since}; it says the username or password is incorrect.",
                "I was locked out after typing my old password a few times on my {phone}.",
                "I forgot my password after coming back from two weeks of leave.",
            ],
            [
                "The self-service reset page returns {error} when I submit the form.",
                "I have not changed anything myself, it just stopped accepting the password.",
                "My colleagues on floor {floor} in {site} can log in without any trouble.",
                "I need access before the {team} meeting at {hour}:00.",
                "The reset email never arrives, and I have checked the junk folder.",
                "It may still be cached on my {phone}, which keeps retrying with the old password.",
            ],
            [
                "Unlocked the account and issued a temporary password; caller changed it on first login.",
                "Reset the password after verifying the caller's identity by phone.",
                "Removed the stale credentials from the mobile device that kept locking the account.",
            ]),
        new(
            "mfa",
            4,
            [
                "MFA prompt not arriving",
                "New phone, need to move the authenticator",
                "Two factor code rejected",
                "Stuck in an MFA loop on {app}",
            ],
            [
                "The authenticator app on my new {phone} does not receive any push notification.",
                "Every time I sign in to {app} it asks for the MFA code and then starts again.",
                "I replaced my {phone} and the two factor codes from the old one are gone.",
            ],
            [
                "The code is accepted on the web but not in the desktop client.",
                "I am travelling to {site} tomorrow and need this working before I leave.",
                "The time on the phone is set automatically, so it should not be clock drift.",
                "Other people in {team} registered their phones last week without problems.",
            ],
            [
                "Cleared the registered methods and walked the caller through registering the new phone.",
                "Issued a temporary access pass and re-registered the authenticator.",
            ]),
        new(
            "vpn",
            8,
            [
                "VPN disconnects every few minutes",
                "Cannot connect to the VPN from home",
                "VPN connected but no internal sites load",
                "VPN client shows {vpnerror}",
                "Slow VPN when working remotely",
            ],
            [
                "The VPN drops {since}, roughly every ten minutes, and I lose my session in {app}.",
                "I cannot connect to the VPN from home; the client shows {vpnerror} after a minute.",
                "The VPN says connected but none of the internal sites or file shares open.",
                "Working from home today and the VPN is so slow that {app} times out.",
            ],
            [
                "My home broadband is fine, speed tests show 200 Mbps down.",
                "It started after the client updated itself on Monday.",
                "I have tried both the {site} and the {site2} gateway with the same result.",
                "Colleagues in {team} report the same thing, so it may not be my machine.",
                "Restarting the {device} helps for about half an hour.",
                "The DNS lookups for internal names fail while the tunnel is up.",
            ],
            [
                "Pushed the current VPN profile and cleared the stale client certificate.",
                "The home router blocked the tunnel protocol; switched the client to the TLS fallback.",
                "Gateway {site} was overloaded; traffic was moved and the caller confirmed it is stable.",
            ]),
        new(
            "network",
            6,
            [
                "No network on floor {floor}",
                "Wifi keeps dropping in the {site} office",
                "Internet very slow in meeting room {room}",
                "Ethernet port not working at desk {desk}",
                "Packet loss to the {host} server",
            ],
            [
                "The wifi on floor {floor} in {site} keeps dropping {since}.",
                "Nobody in our area can reach the internet; the network icon shows limited connectivity.",
                "The wired port at desk {desk} gives no link light since the office move.",
                "Calls break up and pages load slowly; it looks like packet loss somewhere.",
            ],
            [
                "{count} are affected, mostly near the kitchen.",
                "The guest wifi works, only the corporate network is affected.",
                "Plugging in the cable at the next desk works fine.",
                "We have a client presentation in room {room} at {hour}:00.",
                "A ping to {host} loses about one packet in five.",
            ],
            [
                "Replaced a faulty access point on floor {floor}.",
                "Re-patched the desk port to the correct switch VLAN.",
                "The upstream link was saturated by a backup job; rescheduled the job out of hours.",
            ]),
        new(
            "printer",
            7,
            [
                "Printer {printer} not printing",
                "Paper jam on {printer}",
                "Printer says offline",
                "Cannot add the printer on my {device}",
                "Toner low on floor {floor} printer",
                "Scanner sends nothing to my email",
            ],
            [
                "Printer {printer} on floor {floor} shows offline and jobs stay in the queue.",
                "There is a paper jam in tray 2 of {printer} that I cannot clear.",
                "I cannot print from {app}; the job disappears from the queue without printing.",
                "The scanner on {printer} says the scan was sent but nothing arrives.",
            ],
            [
                "The display shows error {printerror}.",
                "Other people on the floor cannot print to it either.",
                "We need it for the {team} month-end packs today.",
                "I have already turned it off and on again.",
                "It prints a blank page and then stops.",
            ],
            [
                "Cleared the jam and replaced the worn pickup roller.",
                "Replaced the toner cartridge and cleared the stuck queue.",
                "Re-added the print queue on the caller's machine with the current driver.",
            ]),
        new(
            "outlook",
            9,
            [
                "Outlook keeps asking for credentials",
                "Outlook not receiving email",
                "Shared mailbox not showing in Outlook",
                "Mailbox full",
                "Cannot send email to external addresses",
                "Calendar invite not received",
                "Add me to the {team} distribution list",
            ],
            [
                "Outlook on my {device} keeps prompting for my credentials every few minutes.",
                "I have not received any email {since}, although people say they sent me some.",
                "The {team} shared mailbox disappeared from Outlook after the weekend.",
                "I get a warning that my mailbox is full and cannot send anything.",
                "Emails to customers bounce back with {mailerror}.",
            ],
            [
                "Outlook on the web works, only the app on my {device} has the problem.",
                "The mailbox is about 49.5 GB and I archive regularly.",
                "I need the {team} distribution list updated before the quarterly review.",
                "I have restarted Outlook and the {device} several times.",
                "The calendar invite for the {team} offsite never showed up.",
            ],
            [
                "Rebuilt the Outlook profile and cleared cached credentials.",
                "Enabled the online archive and moved older items out of the primary mailbox.",
                "Re-granted full access on the shared mailbox; it reappeared after restart.",
            ]),
        new(
            "database",
            4,
            [
                "Database deadlock on the {db} service",
                "Replication lag on {host}",
                "Query timeout in {app} reports",
                "{db} database running out of space",
                "SQL job failed overnight",
            ],
            [
                "The {db} service logs show repeated deadlock errors ({dberror}) {since}.",
                "Replication lag on {host} has grown to over {minutes} minutes and reports are stale.",
                "The nightly SQL job that loads the {db} warehouse failed with {dberror}.",
                "Reports in {app} fail with a query timeout after 30 seconds.",
            ],
            [
                "The deadlocks happen when the batch import overlaps with order entry.",
                "Disk usage on the data volume is at 94 percent and growing.",
                "Customers see errors at checkout when it happens.",
                "No deployment was made to the {db} service this week.",
                "The slow query is the monthly summary on the {db} schema.",
            ],
            [
                "Added a missing index and changed the import to lock rows in a fixed order.",
                "Restarted the replica and resynchronised it from a fresh snapshot.",
                "Extended the data volume and added an alert at 85 percent.",
            ]),
        new(
            "laptop",
            7,
            [
                "Laptop will not turn on",
                "Laptop battery drains in an hour",
                "Laptop very slow",
                "Blue screen on my {model}",
                "Laptop keyboard keys not working",
                "Laptop overheating and fan noise",
            ],
            [
                "My {model} does not turn on, not even the charging light.",
                "The battery of my laptop lasts about an hour now; it used to last all day.",
                "My laptop has become extremely slow {since}; opening {app} takes minutes.",
                "I get a blue screen with {bsod} a few times a day.",
                "Several keys on the laptop keyboard stopped working after a coffee spill.",
            ],
            [
                "The laptop is about three years old.",
                "It is running {os} with all updates installed.",
                "I work from the {site} office on Tuesdays and Thursdays and could bring it in.",
                "I have a deadline on Friday, so a loan laptop would help.",
                "The fan is very loud even when nothing is open.",
            ],
            [
                "Replaced the battery under warranty.",
                "Swapped the laptop for a loan unit and sent the faulty one for repair.",
                "Updated the BIOS and storage drivers; the blue screens stopped.",
            ]),
        new(
            "peripherals",
            4,
            [
                "Second monitor not detected",
                "Docking station not charging the laptop",
                "Webcam not working in calls",
                "Headset microphone not picked up",
                "Need a new keyboard and mouse",
            ],
            [
                "My second monitor stays black when I connect through the docking station.",
                "The docking station at desk {desk} no longer charges my {model}.",
                "The webcam shows a black image in every call {since}.",
                "People cannot hear me through my headset although it works on my {phone}.",
            ],
            [
                "Connecting the screen directly with HDMI works.",
                "I hot-desk on floor {floor} in {site}.",
                "It happens in both Teams and Zoom.",
                "The cable looks fine and I tried another one.",
            ],
            [
                "Replaced the docking station and updated its firmware.",
                "Updated the display driver; both screens are detected again.",
                "Issued a new headset from stock.",
            ]),
        new(
            "security",
            4,
            [
                "Suspicious email asking for my bank details",
                "I clicked a link in a phishing email",
                "Possible malware on my {device}",
                "Strange login alert from another country",
                "Antivirus found a trojan",
            ],
            [
                "I received a suspicious email that looks like it comes from {app} asking me to confirm my details.",
                "I clicked a link in what I now think was a phishing email and entered my username.",
                "My antivirus flagged a trojan in a file I downloaded {since}.",
                "I got an alert about a sign-in from a country I have never visited.",
                "Pop-ups keep opening and my browser home page changed by itself; it may be malware.",
            ],
            [
                "I have not opened the attachment.",
                "I have disconnected the {device} from the network as a precaution.",
                "The sender address looks almost like our own domain.",
                "Other people in {team} got the same message.",
                "I am worried that client data may be compromised.",
            ],
            [
                "Blocked the sender, purged the message from all mailboxes and reset the caller's credentials.",
                "Reimaged the machine after the malware scan confirmed the infection.",
                "Confirmed the alert was a false positive from a travel VPN; no action needed.",
            ]),
        new(
            "access",
            7,
            [
                "Access request for the {team} share",
                "New starter joining {team} on Monday",
                "Please grant access to {app}",
                "Leaver: remove all access",
                "Permission denied on the {team} folder",
            ],
            [
                "Please grant access to the {team} share for {name}, who moved into the team this month.",
                "We have a new starter joining {team} in {site} on Monday who needs an account and the usual onboarding.",
                "I get permission denied when I open the {team} folder on the file server.",
                "{name} leaves the company on Friday; please remove all access as part of offboarding.",
                "I need access to {app} to approve invoices while my manager is away.",
            ],
            [
                "My manager {name} has approved this by email.",
                "The same access as {name2} would be fine.",
                "The start date is fixed, so everything needs to be ready by then.",
                "Read-only is enough for now.",
            ],
            [
                "Added the user to the group membership for the share after manager approval.",
                "Created the account and completed the onboarding checklist.",
                "Disabled the account and removed all group memberships.",
            ]),
        new(
            "software",
            8,
            [
                "{app} crashes on start",
                "Please install {app}",
                "{app} licence expired",
                "Error {apperror} when saving in {app}",
                "{app} very slow after update",
            ],
            [
                "{app} crashes as soon as I open it {since}.",
                "Could you install {app} on my {device}? I need it for a project with {team}.",
                "{app} says my licence has expired and runs in read-only mode.",
                "When I save a file in {app} I get error {apperror} and lose my changes.",
                "Since the last update {app} takes minutes to open any file.",
            ],
            [
                "I am on {os}.",
                "Uninstalling and reinstalling did not help.",
                "It worked fine last week.",
                "I need it for the {team} audit by the end of the month.",
                "The crash report mentions a missing component.",
            ],
            [
                "Repaired the installation and cleared the application cache.",
                "Assigned a licence from the pool and reactivated the product.",
                "Installed the application from the software centre.",
            ]),
        new(
            "telephony",
            3,
            [
                "Desk phone has no dial tone",
                "Mobile phone not receiving calls",
                "Voicemail not working",
                "Softphone not registering",
                "New SIM card needed",
            ],
            [
                "The desk phone at {desk} has no dial tone {since}.",
                "My mobile does not ring for incoming calls; they go straight to voicemail.",
                "I cannot listen to my voicemail; the PIN is rejected.",
                "The softphone shows unregistered and I cannot make calls.",
            ],
            [
                "I am on call this week, so this is important.",
                "I am in {site}, floor {floor}.",
                "My {phone} is a company device.",
            ],
            [
                "Re-provisioned the handset and reset the voicemail PIN.",
                "Ordered a replacement SIM card and ported the number.",
            ]),
        new(
            "facilities",
            7,
            [
                "Meeting room screen shows no signal",
                "Request a height-adjustable desk",
                "Key card does not open the door on floor {floor}",
                "Room booking shows the wrong capacity",
                "Projector in room {room} very dim",
                "Question about the office move",
            ],
            [
                "The screen in meeting room {room} in {site} shows no signal with any cable.",
                "My key card stopped opening the door to floor {floor} {since}.",
                "The room booking page lists room {room} for 12 people but it seats 6.",
                "Could you tell me when our team moves to the new building in {site}?",
                "I would like to request a height-adjustable desk for health reasons.",
            ],
            [
                "We have visitors coming at {hour}:00.",
                "Reception could not help and suggested raising a ticket.",
                "{count} are affected.",
                "Not urgent, but it would be good to sort out this week.",
            ],
            [
                "Passed to facilities, who replaced the cable and the adapter.",
                "Reprogrammed the key card.",
                "Answered the question and shared the move plan.",
            ]),
    ];

    /// <summary>Sentences any ticket may end with; none holds a routing term.</summary>
    public static IReadOnlyList<string> Closings { get; } =
    [
        "Thanks in advance.",
        "Please call me on extension {ext} if you need more details.",
        "This is blocking {count} from working.",
        "Not urgent, but it is annoying.",
        "Screenshot attached.",
        "I tried from home and from the office with the same result.",
        "Raised on behalf of {name} from {team}.",
        "I will be in back-to-back meetings until {hour}:00, so chat is best.",
        "Many thanks, {first}",
        "Best regards, {name}",
        "This happened once before last year and someone fixed it remotely.",
        "Please treat this as a priority, the {team} deadline is close.",
    ];

    public static IReadOnlyList<string> CancelReasons { get; } =
    [
        "Duplicate of another ticket raised by a colleague.",
        "Raised in error by the caller.",
        "The problem went away before anyone worked on it.",
        "The caller will raise it with the vendor directly.",
    ];

    public static IReadOnlyList<string> ReopenReasons { get; } =
    [
        "The caller says the problem came back the next day.",
        "The fix did not hold after a restart.",
    ];
}
