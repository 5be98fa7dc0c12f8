#!/bin/sh
# convene edit in Hebrew: the errors core/handedit.c writes on top of the
# reopened file are in the user's language, the "# convene: " prefix and
# the line numbers as in English, and the file saved has none of them.
. "$(dirname "$0")/lib.sh"

if ! he_locale; then
	echo "not ok - he_IL.UTF-8 is not installed and localedef cannot make it (apt-get install locales)"
	exit 1
fi

test_expect_success 'edit: the errors on top of the reopened file in Hebrew, then the fix is taken' '
	init_lit && cd lit &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	cat >../ed <<-\EOT &&
	#!/bin/sh
	n=$(cat ../calls 2>/dev/null || echo 0); n=$((n + 1)); echo $n > ../calls
	cp "$1" ../seen.$n
	if [ $n = 1 ]; then sed -i "s/role: member/role: boss/" "$1"; else sed -i "s/role: boss/role: funder/" "$1"; fi
	EOT
	chmod +x ../ed &&
	LANG=he_IL.UTF-8 EDITOR=../ed convene edit members/yossi.yaml 2>../err &&
	test "$(cat ../calls)" = 2 &&
	head -2 ../seen.2 > ../top &&
	test_grep "# convene: בקובץ members/yossi.yaml יש 1 שגיאה; תקנו אותה, שמרו וצאו" ../top &&
	test_grep "# convene: שורה 6, עמודה 7: השדה '"'"'role'"'"' צריך להיות אחד מאלה: " ../top &&
	sed -n 6p ../seen.2 > ../line6 && test_grep "role: boss" ../line6 &&
	test_grep "role: funder" members/yossi.yaml && ! grep -q "# convene" members/yossi.yaml
'

test_expect_success 'edit: two errors, the plural form' '
	init_lit && cd lit &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	cat >../ed <<-\EOT &&
	#!/bin/sh
	n=$(cat ../calls 2>/dev/null || echo 0); n=$((n + 1)); echo $n > ../calls
	cp "$1" ../seen.$n
	if [ $n = 1 ]; then sed -i "s/role: member/role: boss/; s/^name: .*/name: 12/" "$1"; else sed -i "s/role: boss/role: funder/; s/^name: 12/name: Yossi/" "$1"; fi
	EOT
	chmod +x ../ed &&
	LANG=he_IL.UTF-8 EDITOR=../ed convene edit members/yossi.yaml 2>../err &&
	head -1 ../seen.2 > ../top &&
	test_grep "# convene: בקובץ members/yossi.yaml יש 2 שגיאות; תקנו אותן" ../top &&
	test_grep "name: Yossi" members/yossi.yaml && test_grep "role: funder" members/yossi.yaml
'

test_done
