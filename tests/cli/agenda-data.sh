# The initiatives of the output tests (t0027, t0028), written as files and
# committed with `convene commit` at fixed times by a fixed identity, so
# that every commit id, and every byte of the outputs, is the same on
# every machine.  make_initiative he|en DIR
make_initiative() {
	lang=$1 dir=$2
	mkdir -p "$dir/members" "$dir/meetings" &&
	git init -q "$dir" &&
	if [ "$lang" = he ]; then
		cat > "$dir/initiative.yaml" <<-\YAML
		name: קריאה מוקדמת בנגב
		language: he
		timezone: Asia/Jerusalem
		vision: כל ילד בנגב קורא עד כיתה ג׳.
		YAML
		cat > "$dir/members/dana.yaml" <<-\YAML
		id: dana
		name: Dana Levi
		organization: עמותת אור
		can_host: true
		address: רחוב הרצל 12, באר שבע
		YAML
		cat > "$dir/members/avi.yaml" <<-\YAML
		id: avi
		name: אבי כהן
		organization: העירייה
		YAML
		cat > "$dir/members/rina.yaml" <<-\YAML
		id: rina
		name: רינה שלום
		joined: 2026-01-01
		YAML
		cat > "$dir/members/noa.yaml" <<-\YAML
		id: noa
		name: נועה ברק
		left: 2026-01-15
		YAML
		cat > "$dir/meetings/001.yaml" <<-\YAML
		number: 1
		title: מפגש 1 – היכרות וחזון משותף
		status: held
		goals:
		- היכרות בין חברי הקבוצה
		- תחילת גיבושו של חזון משותף
		date: 2026-02-03
		start: "17:00"
		duration: 120
		location:
		  host: dana
		attendees:
		- dana
		- avi
		agenda:
		- id: opening
		  title: פתיחה
		  prompt: |
		    מקבלים את פני המשתתפים.
		    - מציגים את סדר היום
		  minutes: 15
		  lead: dana
		  purpose: information
		  notes:
		  - id: 1a2b3c4d
		    by: dana
		    at: 2026-02-03T17:05:00+02:00
		    text: <script>alert(1)</script>
		  - id: 2b3c4d5e
		    by: avi
		    at: 2026-02-03T17:10:00+02:00
		    text: '*bold* [x](javascript:alert(1)) 🎉'
		- id: why-here
		  title: למה חשוב לי להיות כאן היום?
		  minutes: 45
		  lead: avi
		  purpose: discussion
		  notes:
		  - id: 3c4d5e6f
		    by: avi
		    at: 2026-02-03T17:30:00+02:00
		    text: |
		      שלוש סיבות:
		      - הילדים שלנו
		      # לא כותרת
		      1. לא רשימה
		  decisions:
		  - id: 4d5e6f70
		    by: dana
		    at: 2026-02-03T18:00:00+02:00
		    text: נפגשים פעם בחודש, בימי שלישי.
		- id: next-steps
		  title: סיכום וצעדים הבאים
		  minutes: 20
		  purpose: decision
		  actions:
		  - id: 5e6f7081
		    by: dana
		    at: 2026-02-03T18:50:00+02:00
		    text: לשלוח סיכום לכל החברים
		    owner: avi
		    due: 2026-02-10
		    status: open
		  - id: 6f708192
		    by: dana
		    at: 2026-02-03T18:55:00+02:00
		    text: להזמין את אגף החינוך
		    owner: dana
		    due: 2026-02-05
		    status: done
		next_steps: |
		  לאסוף נתוני קריאה מבתי הספר.
		  לקבוע את מקום המפגש הבא.
		YAML
		cat > "$dir/meetings/002.yaml" <<-\YAML
		number: 2
		title: מפגש 2 – עקרונות מנחים
		status: planned
		goals:
		- זיהוי העקרונות המנחים של היוזמה
		- הגדרת סדר היום המשותף
		date: 2026-03-03
		start: "17:30"
		duration: 90
		location:
		  virtual: https://meet.example.org/literacy?room=2&lang=he
		agenda:
		- id: opening
		  title: פתיחה
		  prompt: מזכירים את ההחלטות מהמפגש הקודם.
		  minutes: 10
		  lead: dana
		  purpose: information
		- id: principles
		  title: העקרונות שלנו
		  prompt: |
		    כל אחד כותב שלושה ערכים.
		    מקבצים אותם לעקרונות.
		  minutes: 50
		  lead: avi
		  purpose: discussion
		- id: next-steps
		  title: סיכום וצעדים הבאים
		  minutes: 20
		  purpose: decision
		YAML
	else
		cat > "$dir/initiative.yaml" <<-\YAML
		name: Early Literacy Ohio
		language: en
		timezone: America/New_York
		YAML
		cat > "$dir/members/dana.yaml" <<-\YAML
		id: dana
		name: Dana Levi
		organization: Reading Partners
		can_host: true
		address: 12 High St, Columbus
		YAML
		cat > "$dir/members/sam.yaml" <<-\YAML
		id: sam
		name: Sam O'Neil
		YAML
		cat > "$dir/members/lee.yaml" <<-\YAML
		id: lee
		name: Lee Park
		YAML
		cat > "$dir/meetings/001.yaml" <<-\YAML
		number: 1
		title: Meeting 1 – Getting to know each other
		status: held
		goals:
		- Members meet
		- Start a shared vision
		date: 2026-03-10
		start: "09:00"
		location:
		  host: dana
		  address: Room 4, 12 High St, Columbus
		attendees:
		- dana
		- sam
		agenda:
		- id: opening
		  title: Opening
		  prompt: Welcome everyone.
		  minutes: 15
		  lead: dana
		  purpose: information
		  notes:
		  - id: 1a2b3c4d
		    by: sam
		    at: 2026-03-10T09:05:00-04:00
		    text: <script>alert(1)</script> & "quotes" ‘single’ \back\slash
		- id: vision
		  title: Envision the future
		  notes:
		  - id: 2b3c4d5e
		    by: dana
		    at: 2026-03-10T09:30:00-04:00
		    text: |
		      Every child reads by grade 3.
		          indented four
		  actions:
		  - id: 3c4d5e6f
		    text: Draft the vision
		    owner: sam
		    due: 2026-03-20
		next_steps: Meet at Sam's school.
		YAML
		cat > "$dir/meetings/002.yaml" <<-\YAML
		number: 2
		title: Meeting 2 – Principles
		status: planned
		date: 2026-04-07
		start: "18:30"
		duration: 90
		location:
		  host: sam
		  address: Lincoln Elementary, 40 Oak Ave
		agenda:
		- id: opening
		  title: Opening
		  prompt: Recall meeting 1.
		  minutes: 10
		  purpose: information
		- id: principles
		  title: Our principles
		  prompt: |
		    Each writes three values.
		    Group them.
		  minutes: 60
		  lead: lee
		  purpose: decision
		- id: next-steps
		  title: Summary and next steps
		YAML
	fi &&
	(cd "$dir" &&
	 CONVENE_NOW=2026-02-01T10:00:00+02:00 convene commit -m "the initiative" > /dev/null 2>&1 &&
	 printf 'id: tal\nname: Tal Ben-David\n' > members/tal.yaml &&
	 CONVENE_NOW=2026-02-05T08:00:00+02:00 convene commit -m "Tal joins" > /dev/null 2>&1)
}
