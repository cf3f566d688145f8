#!/usr/bin/env python3
"""Build the CxBot support-chat sentiment corpus (train.tsv / heldout.tsv).

Every base message below was hand-written by the CxBot team for this corpus.
The script adds deterministic surface variants of each base (no Polish
diacritics, lower case, typos, ALL CAPS, emoji, repeated punctuation, a
greeting prefix), removes case-insensitive duplicates and splits the corpus
into train / held-out at the level of the base message, so every variant of a
base ends up in the same file.

    python3 build_corpus.py           # (re)writes train.tsv and heldout.tsv
    python3 build_corpus.py --check   # rebuilds in memory and validates the files

Standard library only; fixed seed; the output is byte-for-byte reproducible.
See README.md for the labelling guideline.
"""

import argparse
import collections
import os
import random
import re
import sys
import unicodedata

SEED = 20241122
HELDOUT_SHARE = 0.175          # share of lines per (lang, label) cell that go to heldout.tsv
# Wanted number of lines per (lang, label) cell after variants are added.
TARGETS = {
    ("pl", "neutral"): 720, ("pl", "negative"): 630, ("pl", "positive"): 450,
    ("en", "neutral"): 720, ("en", "negative"): 630, ("en", "positive"): 450,
}
LABELS = ("negative", "neutral", "positive")
LANGS = ("pl", "en")
HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# Hand-written base messages.
# section(lang, label, topic, block): one message per non-empty line of block.
# Lines are taken verbatim (only surrounding whitespace is stripped).
# Mixed PL/EN messages are filed under their dominant language.
# ---------------------------------------------------------------------------
SECTIONS = []


def section(lang, label, topic, block):
    assert lang in LANGS and label in LABELS, (lang, label)
    lines = [ln.strip() for ln in block.strip("\n").splitlines()]
    SECTIONS.append((lang, label, topic, [ln for ln in lines if ln]))


# =========================== POLISH – NEUTRAL ==============================

section("pl", "neutral", "plain_requests", """
Chcę zwrócić kurtkę
chce zwrocic buty
Chciałabym oddać sukienkę
Chcę wymienić sweter na większy rozmiar
Chcę anulować zamówienie
Chcę zmienić adres dostawy
Zapomniałem hasła
zapomnialam hasla
Potrzebuję faktury VAT do zamówienia
Chcę zapłacić BLIKIEM
Chcę użyć kodu rabatowego
czy to bot
Czy to bot?
Rozmawiam z robotem?
jestes botem czy czlowiekiem
Mam pytanie o zamówienie
Mam pytanie w sprawie zwrotu
Potrzebuję pomocy z zamówieniem
potrzebuje pomocy
Czy paczka została już wysłana?
czy moja paczka juz wyszla z magazynu
Pytam o zamówienie 55120
Chcę wiedzieć, kiedy dotrze paczka
Chcę kupić kartę podarunkową
Szukam zimowej kurtki
""")

section("pl", "neutral", "greeting", """
Dzień dobry
Dzień dobry, mam pytanie
Cześć
Hej, mam pytanie odnośnie zamówienia
Dobry wieczór, potrzebuję pomocy
Witam
Witam serdecznie, chciałabym o coś zapytać
Halo, jest tu ktoś?
Hejka
Siema, mam sprawę
Dzień dobry 🙂 mam pytanie o dostawę
Dzien dobry, chcialem zapytac o zwrot
Czesc, mozesz mi pomoc?
Hej 👋
Dzień dobry, piszę w sprawie zamówienia
Dobry, szybkie pytanie
Witam, mam pytanie o rozmiar
Hej, jestem nowym klientem
Dzień dobry, czy mogę zadać pytanie?
Halo?
""")

section("pl", "neutral", "order_status", """
Gdzie jest moja paczka?
Jaki jest status mojego zamówienia?
Chciałbym sprawdzić status zamówienia 48213
Czy moje zamówienie zostało już wysłane?
Kiedy zostanie wysłane moje zamówienie?
Zamówiłam wczoraj, kiedy wyślecie?
Jak sprawdzić, gdzie jest moja przesyłka?
Czy zamówienie nr 51027 jest już w drodze?
Gdzie mogę zobaczyć status zamówienia?
Czy dostanę maila, jak paczka zostanie nadana?
Status zamówienia 60418 proszę
Czy moje zamówienie jest już spakowane?
Co oznacza status "w realizacji"?
Co znaczy "oczekuje na kompletację"?
Ile trwa realizacja zamówienia?
Zamówienie złożone w piątek, kiedy mogę się spodziewać wysyłki?
Czy mogę jeszcze zmienić adres dostawy w zamówieniu?
Czy da się dodać coś do złożonego zamówienia?
Jak anulować zamówienie?
Czy mogę anulować zamówienie, jeśli nie zostało jeszcze wysłane?
Chcę zmienić numer telefonu w zamówieniu
Czy mogę połączyć dwa zamówienia w jedną paczkę?
Sprawdzisz mi zamówienie 77120?
gdzie moje zamowienie
kiedy wysylka
status zamowienia 33902
Czy zamówienie bez logowania też mogę śledzić?
Dostałam maila, że zamówienie jest gotowe do wysyłki. Co dalej?
Czy zamówienie wyślecie w całości czy w kilku paczkach?
Zamówiłem dwie rzeczy, dlaczego przyszły dwa maile z wysyłką?
Jak długo zamówienie może mieć status "przyjęte"?
Czy w weekend też wysyłacie zamówienia?
Do której godziny muszę zamówić, żeby paczka wyszła dziś?
Chciałabym dopisać uwagę do zamówienia
Czy można zmienić formę dostawy po złożeniu zamówienia?
Mój numer zamówienia to 88314
Numer zamówienia: 20577
Zamówienie 41190, nazwisko Kowalska
""")

section("pl", "neutral", "delivery", """
Jakie są metody dostawy?
Ile kosztuje dostawa?
Od jakiej kwoty jest darmowa dostawa?
Ile trwa dostawa kurierem?
Czy wysyłacie za granicę?
Czy dostarczacie do Niemiec?
Jak długo idzie paczka do Czech?
Czy mogę odebrać zamówienie osobiście w sklepie?
Czy jest możliwa dostawa na następny dzień?
Czy kurier dzwoni przed dostawą?
Czy mogę wybrać godzinę dostawy?
Czy dostawa jest płatna przy zwrocie?
W jakie dni dostarcza kurier?
Czy dowozicie w sobotę?
Czy jest opcja płatności za pobraniem?
Ile kosztuje pobranie?
Czy meble dostarczacie z wniesieniem?
Jak wygląda dostawa większych gabarytów, np. dywanu?
Czy mogę zmienić adres dostawy na adres pracy?
Czy paczkę może odebrać ktoś inny?
Ile kosztuje wysyłka do Wielkiej Brytanii?
dostawa ile dni
koszt wysylki
Czy darmowa dostawa obejmuje też paczkomaty?
Jakim kurierem wysyłacie?
Czy wysyłacie przez DPD?
Czy można zamówić z dostawą ekspresową?
Czy paczki są ubezpieczone?
Co jeśli nie będzie mnie w domu, kiedy przyjedzie kurier?
Czy kurier zostawi paczkę u sąsiada?
""")

section("pl", "neutral", "courier_tracking", """
Gdzie znajdę numer przesyłki?
Jak śledzić paczkę?
Czy możecie podać numer listu przewozowego?
Link do śledzenia przesyłki nie otwiera mi się, gdzie jeszcze mogę sprawdzić?
Jaki jest numer telefonu do kuriera?
Jak skontaktować się z kurierem?
Czy mogę przekierować paczkę na inny adres?
Co oznacza status "przesyłka w sortowni"?
Co znaczy "awizo" w śledzeniu?
Kurier zostawił awizo, gdzie mam odebrać paczkę?
Czy mogę umówić ponowne doręczenie?
Ile dni paczka czeka w punkcie odbioru?
Czy numer śledzenia przychodzi SMS-em?
Jak długo paczka jest w sortowni?
numer przesylki
śledzenie paczki
tracking zamowienia 50231
Po jakim czasie aktualizuje się status w śledzeniu?
Czy mogę zmienić termin doręczenia?
W jakim punkcie mogę odebrać awizowaną paczkę?
""")

section("pl", "neutral", "parcel_locker", """
Czy wysyłacie do paczkomatów?
Jak wybrać paczkomat przy zamówieniu?
Czy mogę zmienić paczkomat po złożeniu zamówienia?
Ile czasu mam na odbiór z paczkomatu?
Skąd wezmę kod odbioru do paczkomatu?
Czy kod do paczkomatu przyjdzie SMS-em?
Czy mogę odebrać paczkę z paczkomatu przez aplikację?
Co się dzieje, jeśli nie odbiorę paczki z paczkomatu na czas?
Czy duży dywan zmieści się do paczkomatu?
Czy paczkomat jest darmowy od 199 zł?
Czy mogę zwrócić towar przez paczkomat?
paczkomat koszt
Czy wysyłacie do automatów Orlen Paczka?
Jak przedłużyć termin odbioru w paczkomacie?
Czy mogę wybrać paczkomat 24/7?
Mam dwa kody odbioru, który mam wpisać?
Czy paczka do paczkomatu idzie tyle samo co kurierem?
Czy mogę wysłać zwrot z innego paczkomatu niż odbierałam?
Jaki mam wpisać numer telefonu, żeby dostać kod do paczkomatu?
Czy obsługujecie punkty Żabka?
""")

section("pl", "neutral", "returns", """
Jak zwrócić towar?
Ile mam dni na zwrot?
Czy zwrot jest darmowy?
Jak wygenerować etykietę zwrotną?
Gdzie znajdę formularz zwrotu?
Czy muszę mieć paragon, żeby zwrócić rzecz?
Czy mogę zwrócić tylko jedną rzecz z zamówienia?
Jak zwrócić uszkodzony produkt?
Co zrobić, jeśli przyszedł zły rozmiar?
Czy mogę zwrócić rzeczy kupione na wyprzedaży?
Czy mogę oddać towar w sklepie stacjonarnym?
Czy zwrot musi być w oryginalnym opakowaniu?
Czy mogę zwrócić produkt bez metki?
Jak odesłać zwrot kurierem?
Czy bieliznę można zwrócić?
Czy kosmetyki podlegają zwrotowi?
Jak długo rozpatrujecie zwrot?
Gdzie sprawdzę status zwrotu?
Czy dostanę potwierdzenie, że zwrot dotarł?
Mam zwrot do zrobienia, od czego zacząć?
Czy mogę zwrócić prezent, który dostałam?
Jak złożyć reklamację?
Ile trwa rozpatrzenie reklamacji?
Czym się różni zwrot od reklamacji?
Czy reklamację mogę złożyć przez czat?
zwrot
reklamacja
formularz zwrotu
jak zrobic zwrot
zwrot bez paragonu?
Chcę zwrócić sukienkę z zamówienia 61302
Chciałabym odesłać dwie pary spodni
Jaki adres mam wpisać na paczce zwrotnej?
Czy mogę zwrócić meble?
Co mam wpisać jako powód zwrotu?
""")

section("pl", "neutral", "refunds", """
Ile czeka się na zwrot pieniędzy?
Kiedy dostanę zwrot środków?
Na jakie konto wraca kasa za zwrot?
Czy zwrot pieniędzy będzie na kartę, którą płaciłem?
Czy zwrot za BLIK wraca na konto bankowe?
Czy koszt wysyłki też jest zwracany?
Jak sprawdzić, czy zwrot pieniędzy został zlecony?
Czy zwrot środków mogę dostać w formie bonu?
Zwrot za zamówienie 49920, czy już zlecony?
Płaciłam przy odbiorze, jak dostanę zwrot?
Gdzie podać numer konta do zwrotu?
Czy zwrot za płatność PayPal idzie na PayPal?
zwrot pieniedzy ile dni
Zwrot był przyjęty wczoraj, ile jeszcze to potrwa?
Czy mogę dostać zwrot na inne konto?
Czy przy częściowym zwrocie oddajecie koszt dostawy?
Czy zwracacie pieniądze za płatność ratalną?
Jak wygląda zwrot przy płatności kartą podarunkową?
W ile dni roboczych księgujecie zwrot?
Czy dostanę maila, gdy zwrot pieniędzy zostanie wysłany?
""")

section("pl", "neutral", "payment", """
Jakie formy płatności akceptujecie?
Czy mogę zapłacić BLIK-iem?
Czy można płacić kartą?
Czy jest płatność przy odbiorze?
Czy da się zapłacić w ratach?
Czy obsługujecie Apple Pay?
Czy mogę zapłacić Google Pay?
Co zrobić, gdy płatność nie przeszła?
Co mam zrobić, jeśli BLIK się nie udał?
Czy mogę ponowić płatność za zamówienie?
Jak długo czekacie na płatność za zamówienie?
Jak zapłacić za zamówienie, którego nie opłaciłem od razu?
Czy przelew tradycyjny też przyjmujecie?
Ile trwa zaksięgowanie przelewu?
Czy PayPal jest dostępny?
Czy płatność odroczona PayPo jest u was?
Czy mogę zapłacić kartą podarunkową i kartą płatniczą razem?
Kod BLIK wygasł, jak wygenerować nowy?
Czy mogę zmienić formę płatności po złożeniu zamówienia?
blik
platnosc przy odbiorze?
Czy płatność jest bezpieczna?
Czy można zapłacić w euro?
Czy pobieracie prowizję za płatność kartą?
Gdzie jest link do płatności?
""")

section("pl", "neutral", "invoice", """
Czy mogę dostać fakturę?
Jak zamówić na firmę z fakturą VAT?
Gdzie wpisać NIP?
Czy faktura przyjdzie mailem?
Gdzie znajdę fakturę do zamówienia?
Czy mogę dopisać NIP po zakupie?
Potrzebuję faktury do zamówienia 73518
Czy wystawiacie faktury korygujące przy zwrocie?
Czy faktura jest w PDF?
faktura
faktura vat na firme
Czy paragon mogę zamienić na fakturę?
Ile mam czasu na prośbę o fakturę?
Czy na fakturze może być inny adres niż dostawy?
Czy mogę dostać duplikat faktury?
Czy faktura jest dołączana do paczki?
Jak pobrać fakturę z konta?
Potrzebuję korekty danych na fakturze, jak to zgłosić?
Czy wystawiacie faktury dla osób prywatnych?
Czy faktura będzie z datą płatności czy wysyłki?
""")

section("pl", "neutral", "sizes", """
Jaki rozmiar wybrać, jeśli noszę zwykle M?
Gdzie jest tabela rozmiarów?
Czy rozmiarówka jest zgodna?
Czy te spodnie są na wysoki wzrost?
Jaka jest długość tej sukienki w rozmiarze 38?
Czy ten sweter jest oversize?
Mam 170 cm wzrostu, jaki rozmiar kurtki polecacie?
Czy buty są na szeroką stopę?
Jaka jest długość wkładki w rozmiarze 39?
Czy ta marynarka jest taliowana?
Czy ten płaszcz zmieści sweter pod spodem?
Jaki rozmiar pościeli pasuje do kołdry 160x200?
Czy firany są gotowe do powieszenia?
Jakie wymiary ma ten dywan?
Czy koszula kurczy się w praniu?
Z jakiego materiału jest ta bluzka?
Czy ten sweter jest z wełny?
Jak prać ten płaszcz?
Czy spodnie mają elastyczny pas?
rozmiar 40 to jakie L czy XL?
tabela rozmiarów buty
Czy rozmiar S będzie dobry na 60 kg?
Czy model na zdjęciu ma rozmiar M?
Ile cm ma obwód w pasie rozmiar 42?
Czy ta sukienka jest prześwitująca?
Czy jeansy mają stretch?
Jaki rozmiar dziecięcy dla 6-latka?
Czy ten komplet pościeli jest z bawełny?
Czy poszewki mają zamek?
Jaką wysokość ma ta lampa?
Czy zasłony są zaciemniające?
Jaka jest pojemność tego kubka?
Czy rozmiary są europejskie czy brytyjskie?
""")

section("pl", "neutral", "exchange", """
Czy mogę wymienić rozmiar?
Jak wymienić buty na większe?
Czy wymiana jest darmowa?
Czy mogę wymienić kolor?
Jak długo trwa wymiana?
Czy przy wymianie muszę najpierw odesłać towar?
Czy mogę wymienić towar w sklepie stacjonarnym?
wymiana rozmiaru
Czy wymiana działa też dla produktów z promocji?
Chcę wymienić sukienkę 36 na 38
Czy mogę wymienić na inny produkt?
Jeśli nie będzie mojego rozmiaru przy wymianie, to co?
Czy w wymianie mogę dopłacić różnicę?
Czy wymiana idzie przez ten sam formularz co zwrot?
Wymiana kurtki z zamówienia 30915, jak to zrobić?
""")

section("pl", "neutral", "account", """
Jak założyć konto?
Jak zresetować hasło?
Nie pamiętam hasła, co zrobić?
Jak zmienić adres e-mail w koncie?
Jak usunąć konto?
Czy mogę zamówić bez rejestracji?
Jak zmienić adres dostawy w profilu?
Gdzie znajdę historię zamówień?
Jak wypisać się z newslettera?
Jak zapisać się do newslettera?
Czy mogę połączyć konto z Google?
Jak zmienić numer telefonu na koncie?
reset hasla
Gdzie są moje ulubione produkty?
Jak działa program lojalnościowy?
Ile mam punktów w programie lojalnościowym?
Czy mogę mieć dwa konta na jeden email?
Jak włączyć logowanie dwuetapowe?
Czy mogę zamówić jako gość i potem dodać zamówienie do konta?
Jak zmienić dane do faktury w koncie?
Link do resetu hasła jest ważny ile czasu?
Czy mogę zmienić login?
""")

section("pl", "neutral", "discount", """
Jak użyć kodu rabatowego?
Gdzie wpisać kod promocyjny?
Czy kody rabatowe się łączą?
Czy kod działa na przecenione produkty?
Do kiedy ważny jest kod WRZOS10?
Czy macie jakiś kod na pierwsze zakupy?
Czy jest zniżka dla studentów?
Czy kod rabatowy działa w sklepie stacjonarnym?
kod rabatowy
Czy dostanę rabat za zapis do newslettera?
Kiedy będzie Black Friday?
Czy planujecie wyprzedaż?
Czy rabat liczy się od ceny z dostawą?
Czy mogę użyć kodu po złożeniu zamówienia?
Ile razy mogę użyć kodu urodzinowego?
Czy kod z newslettera ma minimalną kwotę zamówienia?
""")

section("pl", "neutral", "gift_card", """
Czy macie karty podarunkowe?
Jak sprawdzić saldo karty podarunkowej?
Na jakie kwoty są karty podarunkowe?
Jak długo ważna jest karta podarunkowa?
Czy kartę podarunkową można użyć w sklepie online?
Czy mogę kupić e-kartę podarunkową?
Czy kartą podarunkową zapłacę za dostawę?
Czy kartę podarunkową wysyłacie pocztą?
karta podarunkowa saldo
Czy mogę użyć dwóch kart podarunkowych w jednym zamówieniu?
Czy reszta z karty podarunkowej zostaje na karcie?
Czy można przedłużyć ważność bonu?
Jak podarować e-kartę komuś na maila?
Czy karta podarunkowa może być wysłana w konkretnym dniu?
Czy da się zwrócić kartę podarunkową?
""")

section("pl", "neutral", "availability", """
Czy ta sukienka będzie jeszcze dostępna w rozmiarze 38?
Kiedy będzie dostawa tych butów?
Czy będzie uzupełnienie rozmiaru M?
Czy ten sweter jest dostępny w innym kolorze?
Czy produkt z gazetki jest dostępny online?
Czy macie ten koc w sklepie w Poznaniu?
Jak sprawdzić dostępność w sklepie stacjonarnym?
Czy mogę zarezerwować produkt?
Czy mogę dostać powiadomienie, gdy rozmiar wróci?
Czy te kubki są sprzedawane na sztuki?
Czy macie pościel w rozmiarze 220x200?
Czy kolekcja świąteczna już jest?
Czy ta kurtka wróci do sprzedaży?
dostepnosc rozmiar 39
Czy ten dywan jest też w większym rozmiarze?
Czy macie coś podobnego do tej sukienki, ale z długim rękawem?
Czy produkty z nowej kolekcji są już w sklepie?
Kiedy wchodzi kolekcja wiosenna?
Czy ta lampa jest dostępna od ręki?
Czy jest jeszcze ten płaszcz w kolorze camel?
Czy sprzedajecie też zestawy prezentowe?
Czy macie buty dziecięce?
Czy jest wersja męska tej bluzy?
Ile sztuk zostało w rozmiarze L?
""")

section("pl", "neutral", "stores_contact", """
W jakich godzinach działa sklep?
Do której jest otwarty sklep w Krakowie?
Czy sklep jest otwarty w niedzielę?
Gdzie są wasze sklepy stacjonarne?
Czy macie sklep w Gdańsku?
Jaki jest numer infolinii?
W jakich godzinach działa infolinia?
Jaki jest adres mailowy do obsługi klienta?
Czy czat działa w weekendy?
godziny otwarcia
adres sklepu Warszawa
Czy sklep w galerii jest czynny w święta?
Czy sklep w Łodzi ma przymierzalnie?
Gdzie jest wasza siedziba?
Czy odpowiadacie na maile w weekend?
Czy można do was zadzwonić?
""")

section("pl", "neutral", "human_agent", """
Chciałbym porozmawiać z konsultantem
Czy mogę rozmawiać z człowiekiem?
Proszę o połączenie z pracownikiem
Czy jest dostępny konsultant?
konsultant
Czy mogę prosić o kontakt telefoniczny?
W jakich godzinach są dostępni konsultanci?
Chcę rozmawiać z osobą z obsługi klienta
Czy ktoś z działu reklamacji może do mnie oddzwonić?
Przełączysz mnie na konsultanta?
Proszę o kontakt mailowy w tej sprawie
Czy mogę zostawić numer do kontaktu?
""")

section("pl", "neutral", "keyword", """
dostawa
paczka
zamówienie
status
anulowanie zamówienia
zmiana adresu
regulamin
polityka prywatności
rabat
newsletter
kontakt
infolinia
rozmiar
zwrot kosztów dostawy
etykieta zwrotna
darmowa dostawa
wysyłka za granicę
faktura korygująca
kod do paczkomatu
punkty lojalnościowe
czas dostawy
płatność
raty
pobranie
""")

section("pl", "neutral", "ack_goodbye", """
ok
Okej
Rozumiem
Jasne
Dobrze
Aha
Mhm
Czyli muszę czekać do poniedziałku?
Czyli mam wypełnić formularz?
Dobra, sprawdzę
Zaraz sprawdzę maila
Chwila, szukam numeru zamówienia
Moment
Do widzenia
Pa
Na razie to wszystko
To wszystko
Nie mam więcej pytań
Dobrze, odezwę się później
Ok, spróbuję jeszcze raz
Tak
Nie
Tak, chodzi o zamówienie z wczoraj
Nie, to inne zamówienie
Nie wiem, gdzie to sprawdzić
Chodzi o tę niebieską sukienkę
Przepraszam, pomyliłam numer, chodzi o 55103
Wysłałam maila wczoraj w tej sprawie
Tak, płaciłem kartą
Płaciłam BLIK-iem
Zamawiałem z kontem
Adres to ul. Lipowa 5, Kraków
""")

section("pl", "neutral", "survey_mixed", """
Średnio
Może być
Tak sobie
Ani dobrze, ani źle
Nie jest źle
Było ok
Normalnie
Trudno powiedzieć
Bez zmian
3/5
Przeciętnie
Jeszcze nie wiem, paczka dopiero jedzie
Nie mam zdania
Jak zawsze
Nie jest źle, ale zobaczymy przy odbiorze
""")

section("pl", "neutral", "misc_questions", """
Czy macie aplikację mobilną?
Czy prowadzicie sprzedaż hurtową?
Czy pakujecie na prezent?
Czy mogę dodać bilecik do prezentu?
Czy produkty są szyte w Polsce?
Czy wasze opakowania są ekologiczne?
Czy sprzedajecie na Allegro?
Czy mogę zamówić telefonicznie?
Czy ceny w sklepie i online są takie same?
Czy cena zawiera VAT?
Czy mogę zamówić próbkę tkaniny?
Jak dbać o lnianą pościel?
Czy te świece są z wosku sojowego?
Czy naczynia można myć w zmywarce?
Czy kubek nadaje się do mikrofalówki?
Czy szukacie pracowników do sklepu?
Czy można u was oddać stare ubrania do recyklingu?
Czy ta poduszka ma wymienną poszewkę?
Czy mogę zamówić szycie na wymiar zasłon?
Czy jest gwarancja na meble?
Jak zgłosić pomysł na produkt?
Czy jesteście na Instagramie?
Co to jest Wrzos Club?
Czy mogę zmienić język strony na angielski?
""")

section("pl", "neutral", "mixed_lang", """
ok, a tracking number gdzie znajdę?
Hej, mam pytanie about return
Czy mogę zrobić exchange na inny rozmiar?
Gdzie jest link do tracking?
Jaki jest status mojego order?
Czy macie size guide po polsku?
Czy mogę zapłacić PayPalem, bo nie mam BLIK?
sorry, jeszcze jedno pytanie
Czy jest free shipping od 199?
Ok, to czekam na maila z update
""")

section("pl", "neutral", "follow_up_questions", """
a ma kaptur?
a jest w kolorze granatowym?
a czy da się to prać w pralce?
a ile to kosztuje?
a do kiedy trwa promocja?
a w jakim rozmiarze jest najmniejszy?
a można zapłacić przy odbiorze?
a czy wysyłacie do Czech?
a na jaki adres mam odesłać?
a ile to trwa?
a jak długo czeka się na kuriera?
a dostawa do paczkomatu też jest darmowa?
a czy mogę odebrać w sklepie?
a w Krakowie macie sklep?
a jest wersja z długim rękawem?
a z jakiego materiału jest ta bluzka?
a czy pasuje do łóżka 140?
a co z rabatem?
a czy można to zwrócić bez paragonu?
a gdzie znajdę numer zamówienia?
a jeśli nie mam konta?
a karta podarunkowa działa w sklepie?
a co jeśli kod nie zadziała?
a mogę zmienić paczkomat?
a faktura przyjdzie mailem?
a w sobotę też pracujecie?
a jak to wygląda przy wymianie?
a ile mam dni na zwrot?
a na androida jest aplikacja?
a w większym rozmiarze?
a czy to jest bawełna?
a kto płaci za odesłanie?
a ile kosztuje wysyłka do Niemiec?
a są jeszcze jakieś koszty?
a jak zapisać się do klubu?
a punkty się kumulują?
i jeszcze jedno: jak długo ważny jest kod?
i ile to kosztuje?
i co dalej?
i gdzie to sprawdzę?
a potem?
a kiedy wróci do sprzedaży?
a macie też czarne?
a komplet pościeli 160x200 jest?
a czy są ciepłe?
a czy mają podszewkę?
a jak z gwarancją?
a kiedy przyjdzie paczka?
a można dopisać coś do zamówienia?
a co z moimi punktami po zwrocie?
""")

# =========================== POLISH – NEGATIVE =============================

section("pl", "negative", "late_delivery", """
Czekam już dwa tygodnie na paczkę
Nadal nie dostałam zamówienia
Paczka miała być wczoraj, a dalej jej nie ma
Ile można czekać na zwykłą przesyłkę?
Zamówienie wciąż nie zostało wysłane, a minął tydzień
Już trzeci dzień status się nie zmienia, co się dzieje?
Obiecywaliście dostawę w 48h, a minęło pięć dni
Znowu przesunięty termin dostawy, to jakiś żart
Od tygodnia "w drodze" i nic
Zamawiałam na prezent i nie zdążyło przyjść, bardzo słabo
Dalej czekam na odpowiedź w sprawie paczki
Paczka utknęła w sortowni od 6 dni
Nadal brak przesyłki, tracę cierpliwość
Wciąż nic, kiedy w końcu to przyjdzie?
Miało być na weekend, a mamy środę
Niestety paczka nadal nie dotarła
Dzień dobry, zamówienie miało przyjść w piątek i niestety nie przyszło
Przepraszam, ale czekam już za długo
To już drugi tydzień czekania, naprawdę?
Dostawa się opóźnia już trzeci raz
Nikt mnie nie poinformował, że będzie opóźnienie
Ile jeszcze mam czekać na tę kurtkę?
Minęło 10 dni roboczych i cisza
Zamówienie opłacone tydzień temu i dalej "w realizacji"
Kurtka potrzebna na wyjazd, a paczki nie ma. Dramat
Nie tak miało być, paczka miała być przed świętami
Zamówiłem w poniedziałek, dziś piątek i nawet nie wysłane
Nadal czekam.
Wciąż czekam na tę paczkę...
Dalej nic
No i gdzie ta paczka?
Kiedy w końcu wyślecie moje zamówienie?!
Już nie wiem, ile razy pytam o tę samą paczkę
Nie rozumiem, czemu to trwa tak długo
Ta dostawa to jakaś porażka
Opóźnienie za opóźnieniem
Czekam i czekam, zero informacji
Szczerze, czekanie ponad tydzień to przesada
sorry ale nadal nie ma paczki
Paczka stoi w miejscu od poniedziałku, nikt nic nie wie
""")

section("pl", "negative", "caps_anger", """
CZEKAM JUŻ 2 TYGODNIE!!!
GDZIE JEST MOJA PACZKA?!
ODDAJCIE MI PIENIĄDZE
TO JEST SKANDAL
CHCĘ ROZMAWIAĆ Z CZŁOWIEKIEM!!!
NIE DZIAŁA!!!
ILE MOŻNA CZEKAĆ?!
MAM DOŚĆ TEGO SKLEPU
NIGDY WIĘCEJ NIE ZAMAWIAM
PIENIĄDZE POBRANE, ZAMÓWIENIE NIEOPŁACONE, CO TO MA BYĆ
ZNOWU TO SAMO
DRUGI RAZ PISZĘ TO SAMO!!!
KTO TU W OGÓLE PRACUJE
ODPOWIEDZCIE W KOŃCU
PACZKA ZNISZCZONA!!!
TO JEST KPINA Z KLIENTA!!!
ŻENADA, PO PROSTU ŻENADA
WSZYSTKO NIE TAK
ANULUJCIE TO ZAMÓWIENIE NATYCHMIAST
TYDZIEŃ TEMU ZWRÓCIŁAM I DALEJ BRAK PIENIĘDZY
NIE CHCĘ GADAĆ Z BOTEM
ZŁY ROZMIAR, ZŁY KOLOR, WSZYSTKO ZŁE
CO WY WYPRAWIACIE
DOŚĆ!!!
""")

section("pl", "negative", "courier", """
Kurier w ogóle nie przyjechał, a w systemie jest "nieobecny adresat"
Byłam cały dzień w domu, a kurier zostawił awizo
Kurier rzucił paczkę pod bramę
Kurier zostawił paczkę u obcej osoby
Kurier był niemiły i nie chciał wnieść paczki
Paczka oznaczona jako doręczona, a nic nie dostałem
Kurier nie odbiera telefonu
Kurier dzwonił o 7 rano i od razu odjechał
Paczka wróciła do nadawcy, bo kurier nie znalazł adresu. Adres jest poprawny!
Trzeci raz nie doręczona, kurier nawet nie próbuje
Kurier zostawił paczkę na deszczu
Przesyłka "doręczona" do skrzynki, której nie mam
Kurier nie zadzwonił, tylko wpisał nieudaną próbę doręczenia
Firma kurierska to jakaś masakra
Kurierzy DPD to porażka
Znowu ten sam kurier i znowu problem
Kurier podpisał za mnie odbiór, a paczki nie ma
Kurier kazał mi zejść na dół, mam 80 lat
Paczka zgubiona przez kuriera, a wy nic z tym nie robicie
Kurier przekierował paczkę bez pytania
""")

section("pl", "negative", "parcel_locker", """
Paczkomat pełny i paczka pojechała do innego miasta
Nie dostałam kodu do paczkomatu
Kod odbioru nie działa
Skrytka się nie otworzyła, a paczka oznaczona jako odebrana
Paczka trafiła do złego paczkomatu
Wybrałam paczkomat obok domu, a paczka jest 10 km dalej
Paczkomat nie działa od rana, a paczka tam leży
Paczka wróciła z paczkomatu, bo nie dostałam SMS-a
Skrytka była pusta
W paczkomacie leżała cudza paczka zamiast mojej
Drugi raz zmieniają mi paczkomat bez pytania
Od trzech dni "przygotowana przez nadawcę" i nic
Paczka za duża do paczkomatu i nikt mnie nie poinformował
Paczkomaty to był zły pomysł, nigdy więcej
Kod z SMS nie pasuje, skrytka się nie otwiera, dramat
""")

section("pl", "negative", "damaged_wrong", """
Paczka przyszła uszkodzona
Dzień dobry, niestety paczka przyszła uszkodzona
Karton był rozerwany, a kubki potłuczone
Dostałam zły rozmiar
Przyszedł inny kolor niż zamówiłam
W paczce brakuje jednej rzeczy
Dostałem cudze zamówienie
Sukienka ma dziurę
Sweter ma zaciągnięcia już po wyjęciu z paczki
Wazon przyszedł w kawałkach
Lampa nie działa od nowości
Buty mają dwa różne rozmiary
Na płaszczu jest plama
Pościel pachnie stęchlizną
Zamek w kurtce zepsuł się po pierwszym założeniu
Dostałam używany produkt, z czyimś włosem
Talerz pęknięty, zamawiałem komplet na święta
Kolor zupełnie inny niż na zdjęciu
Paczka zgnieciona, w środku wszystko pogięte
Brak metki i folia rozerwana, wygląda na zwrot
Zamiast dwóch zasłon przyszła jedna
Przyszła tylko połowa zamówienia
Koszula po pierwszym praniu skurczyła się o dwa rozmiary
Materiał dużo gorszy niż w opisie
Jakość fatalna, szwy się prują
Dywan ma wadę, przebarwienie na środku
Niestety ramka na zdjęcie była pęknięta
Przykro mi, ale jestem zawiedziona jakością
Nie tego się spodziewałam po tej cenie
Guziki odpadły po jednym dniu
""")

section("pl", "negative", "returns", """
Wysłałam zwrot trzy tygodnie temu i cisza
Formularz zwrotu nie działa
Etykieta zwrotna się nie generuje
Odrzuciliście mój zwrot bez powodu
Zwrot miał być darmowy, a policzono mi koszty
Nikt nie potwierdził, że zwrot doszedł
Reklamacja odrzucona, a wada jest ewidentna
Czekam na rozpatrzenie reklamacji od miesiąca
Zwrot w sklepie stacjonarnym nie przyjęli, odesłali mnie do internetu
Ten proces zwrotu to koszmar
Trzeci raz wypełniam formularz zwrotu i wyskakuje błąd
Zwrot odebrany przez was tydzień temu, a status dalej "w drodze"
Zwroty u was to jakiś dramat
Dlaczego muszę płacić za zwrot wadliwego towaru?
Reklamację rozpatrzyliście negatywnie, nie zgadzam się
Zgubiliście mój zwrot
""")

section("pl", "negative", "refunds", """
Gdzie są moje pieniądze?
Nadal nie dostałam zwrotu pieniędzy
Minęło 14 dni, a zwrotu środków brak
Zwrot zatwierdzony, a pieniędzy na koncie nie ma
Oddaliście mi mniej niż zapłaciłam
Nie zwróciliście kosztów dostawy
Czekam na zwrot kasy od miesiąca
Pieniądze za zwrot miały być w 5 dni, minęły trzy tygodnie
Dostaję tylko automatyczne odpowiedzi, a pieniędzy dalej brak
Zwróciliście pieniądze na nieaktywną kartę, i co teraz?
Zapłaciłem, zwróciłem, a kasy nie ma. Super interes
Proszę w końcu oddać moje pieniądze
Dzień dobry, niestety zwrot środków wciąż nie wpłynął
Nadal nie widzę przelewu za zwrot
Czekam na 249 zł od 20 dni
Zwrot częściowy, a oddałam wszystko
Mieliście oddać pieniądze, a dostałam kartę podarunkową, której nie chcę
Mam wrażenie, że po prostu nie chcecie oddać pieniędzy
Zwrot środków trwa dłużej niż dostawa, śmiech na sali
Zwrot pieniędzy od dwóch tygodni "w trakcie"
""")

section("pl", "negative", "payment", """
Płatność nie przeszła, a pieniądze zeszły z konta
Zapłaciłam BLIK-iem, a zamówienie nieopłacone
Pobraliście mi pieniądze dwa razy
Karta odrzucona, a na koncie mam środki
Zamówienie anulowane, bo płatność "nie doszła", a zapłaciłem
BLIK nie działa już trzeci raz
Strona płatności się zawiesza
Dwukrotnie obciążona karta za jedno zamówienie
Przelew wysłany 5 dni temu, a u was dalej nieopłacone
Nie mogę zapłacić, ciągle błąd
Pieniądze zablokowane na koncie od tygodnia
Zapłacone, a mail, że mam zapłacić, bo anulujecie
Płatność odrzucona bez powodu, bardzo irytujące
BLIK się udał, a wy twierdzicie, że nie
Ściągnęliście mi 2 razy po 189 zł
Płacę trzeci raz i dalej błąd, żenada
Bank potwierdza przelew, a u was nic
Raty odrzucone bez wyjaśnienia
Zapłaciłam kartą podarunkową, a pobraliście też z karty płatniczej
Dlaczego płatność za pobraniem nagle jest niedostępna? Słabo
""")

section("pl", "negative", "invoice", """
Faktura ma błędny NIP
Nadal nie dostałem faktury
Proszę trzeci raz o fakturę
Na fakturze jest zła kwota
Faktura wystawiona na złą firmę
Faktura bez NIP-u, a wpisałem go przy zamówieniu
Nie mogę pobrać faktury, link nie działa
Korekta faktury od miesiąca nie przyszła
Księgowa czeka na fakturę, a wy nic
Bez faktury nie rozliczę zakupu, to poważny problem
""")

section("pl", "negative", "sizes_quality", """
Rozmiarówka kompletnie niezgodna z tabelą
Zamówiłam M, a jest jak XS
Spodnie za krótkie, mimo że wg tabeli powinny pasować
Tabela rozmiarów wprowadza w błąd
Buty uciskają, rozmiar zaniżony
Znowu muszę zwracać, bo rozmiary są z kosmosu
Trzecia wymiana i dalej nie pasuje
Wymiana trwa już trzy tygodnie
Przysłaliście wymianę w tym samym złym rozmiarze
Chciałam wymienić rozmiar, a okazuje się, że nie ma i zostałam bez niczego
Zdjęcia nie mają nic wspólnego z rzeczywistością
Po jednym praniu sweter do wyrzucenia
Tandeta
Jakość spadła, kiedyś było lepiej
Sukienka prześwituje, a w opisie nic o tym nie było
Kurtka przemaka po 10 minutach deszczu
Cena wysoka, jakość niska
Ta pościel to jakiś papier
""")

section("pl", "negative", "account", """
Nie mogę się zalogować
Reset hasła nie przychodzi na maila
Link do resetu hasła nie działa
Konto zablokowane i nie wiem dlaczego
Zniknęły mi punkty lojalnościowe
Ktoś zmienił dane w moim koncie
Wylogowuje mnie co chwilę
Nie mogę usunąć konta, ciągle błąd
Wypisałam się z newslettera, a dalej dostaję spam
Strona ciągle wyrzuca błąd przy logowaniu
Trzeci raz resetuję hasło i nadal nie mogę wejść
Historia zamówień jest pusta, a zamawiałam
Aplikacja się wysypuje przy każdym otwarciu
Zapisany koszyk zniknął
Strona wolno działa, nie da się nic kupić
""")

section("pl", "negative", "discount", """
Kod rabatowy nie działa
Kod WRZOS10 pokazuje "nieprawidłowy"
Rabat się nie naliczył
Kod z newslettera jest nieważny, a dostałam go wczoraj
Obiecany rabat urodzinowy nie przyszedł
Cena po rabacie wyższa niż przed promocją
Przecenili produkt dzień po moim zakupie, czuję się oszukana
Kod działa tylko na produkty, których nikt nie chce
Promocja to ściema
Dostałam kod, który wygasł w dniu wysłania
Dwa dni walczę z kodem rabatowym
Rabat zniknął przy płatności
""")

section("pl", "negative", "gift_card", """
Karta podarunkowa nie działa
Saldo karty podarunkowej wynosi zero, a nic nie kupiłam
E-karta nie dotarła do obdarowanej osoby
Kod karty podarunkowej jest nieprawidłowy
Karta podarunkowa wygasła, nikt mnie nie uprzedził
Przy zwrocie zabraliście środki z karty podarunkowej
Nie da się użyć karty podarunkowej online, bez sensu
Kupiłam kartę na prezent i przyszła po urodzinach
Reszta z karty przepadła
Karta podarunkowa zablokowana bez powodu
""")

section("pl", "negative", "availability", """
Znowu brak mojego rozmiaru
Wszystko wyprzedane w pierwsze 5 minut
Dodałam do koszyka, a przy płatności "produkt niedostępny"
Zamówienie anulowane, bo nie macie towaru. Po co sprzedajecie?
Produkt pokazywał się jako dostępny, a go nie ma
Od miesiąca czekam na powiadomienie o dostępności
Zawsze to samo, M i L od razu znikają
W sklepie mówią, że jest online, online mówią, że w sklepie
Wyprzedaż, a połowa rzeczy niedostępna, słabo
Anulowaliście mi zamówienie bez słowa wyjaśnienia
""")

section("pl", "negative", "bot_complaint", """
Jesteś bezużyteczny
Bot nic nie rozumie
Ten bot to porażka
Nie rozumiesz, co piszę
Znowu ta sama odpowiedź
Nie pytałam o to
To nie jest odpowiedź na moje pytanie
Gadam ze ścianą
Ten czat jest do niczego
Bezsensowne odpowiedzi
Ten bot tylko marnuje mój czas
Po co mi bot, który nic nie wie
Przestań mi wysyłać linki do FAQ
FAQ już czytałam, nie pomogło
Nie chcę z tobą rozmawiać, daj człowieka
Dajcie mi wreszcie żywego człowieka
Od 20 minut próbuję połączyć się z konsultantem
Czekam na konsultanta pół godziny
Nikt nie odbiera infolinii
Napisałam trzy maile i żadnej odpowiedzi
Wasza obsługa klienta to dramat
Obsługa klienta nie istnieje
Ręce opadają
Nie da się z wami niczego załatwić
Kręcimy się w kółko
Mam dość tej rozmowy
Nie pomogłeś mi wcale
Słaby ten czat
Ten asystent jest głupi
Po co to w ogóle jest
Odpisujcie jak człowiek, a nie formułkami
Obiecaliście oddzwonić i nikt nie zadzwonił
Konsultant się rozłączył w połowie rozmowy
Za każdym razem inna odpowiedź
""")

section("pl", "negative", "sarcasm", """
Super, znowu nie działa
Brawo, trzeci raz ta sama odpowiedź
No pięknie, paczka znowu przesunięta
Świetnie, kolejny tydzień czekania
Dzięki za nic
Wspaniała obsługa, nikt nie odpowiada od tygodnia
Genialne, kod rabatowy "nieprawidłowy"
No to super, pieniądze pobrane, zamówienia brak
Ekstra, bot znowu nie zrozumiał
Gratuluję, zgubiliście paczkę
Cudownie, znowu zły rozmiar
No i bardzo dobrze, czekajmy do świąt
Ale szybka dostawa, całe trzy tygodnie
Fantastycznie, kolejny mail z przeprosinami i nic więcej
Uwielbiam czekać na zwrot pieniędzy miesiąc
No rewelacja, etykieta znowu się nie generuje
Pięknie, kurier znowu "nie zastał" mnie w domu
Jasne, bo ja nie mam nic lepszego do roboty
Och, jak miło, znowu link do FAQ
Bardzo pomocne, naprawdę
Super obsługa, polecam... nie
No brawo wy
Świetny pomysł z tym botem, naprawdę
Idealnie, akurat na prezent spóźnione
Tak, tak, "w ciągu 24h". Jasne
Jak zawsze niezawodni, paczki nie ma
Wow, aż dwa tygodnie na odpowiedź, rekord
Dziękuję bardzo za kompletny brak pomocy
Oczywiście, kolejny raz "przepraszamy za utrudnienia"
No szok, znowu coś nie działa
""")

section("pl", "negative", "slang_short", """
masakra
porażka
dramat
kpina
żenada
szok, że tak można traktować klienta
nie działa, masakra
żałosne
beznadzieja
tragedia
skandal
nie polecam
nigdy więcej
słabo
bardzo słabo
zawiodłam się
jestem rozczarowana
jestem wściekły
mam dosyć
serio?
no comment
zenada totalna
co za syf
ściema
ręce mi opadły
dno
dno i wodorosty
szkoda słów
bez sensu
nie do przyjęcia
""")

section("pl", "negative", "survey_neg", """
Źle
Bardzo źle
Fatalnie
Słaba obsługa
1/5
Nie jestem zadowolona
Nie polecam tego sklepu
Jestem niezadowolony z obsługi
Nie pomogło
Nic nie zostało załatwione
Zero pomocy
Gorzej niż ostatnio
""")

section("pl", "negative", "polite_complaint", """
Dzień dobry, mam problem z zamówieniem, przyszło niekompletne
Przepraszam, ale to już trzecia wiadomość w tej sprawie
Niestety nadal nie otrzymałam odpowiedzi na reklamację
Uprzejmie proszę o wyjaśnienie, dlaczego zamówienie zostało anulowane bez mojej zgody
Z przykrością stwierdzam, że jakość jest dużo gorsza niż kiedyś
Szanowni Państwo, od tygodnia nie mogę się doczekać zwrotu pieniędzy
Proszę o pilny kontakt, zostałam obciążona dwa razy
Grzecznie pytam po raz kolejny, gdzie jest moja paczka
Jestem stałą klientką i pierwszy raz tak się zawiodłam
Rozumiem, że są opóźnienia, ale dwa tygodnie to za dużo
Wiem, że to nie Twoja wina, ale jestem naprawdę zmęczona tą sytuacją
Bez urazy, ale te odpowiedzi nic mi nie dają
Nie jestem zadowolony z tego, jak potraktowano moją reklamację
Niestety, kod nie zadziałał i zapłaciłam pełną cenę
Szkoda, że nikt mnie nie uprzedził o opóźnieniu
""")

section("pl", "negative", "mixed_lang", """
sorry ale to jest joke, paczki dalej nie ma
Serio, worst obsługa ever
Bot nie ogarnia, give me a human
Ten tracking nie działa w ogóle
Zwrot od 3 tygodni pending, no comment
Znowu error przy płatności
Refund miał być w 5 dni, a nadal nic
To jest fail totalny
Płatność failed, a kasa zeszła
Wasz customer service to dramat
""")

# =========================== POLISH – POSITIVE =============================

section("pl", "positive", "thanks", """
Dziękuję!
Dzięki
Dziękuję bardzo
Dziękuję za pomoc
Dzięki za szybką odpowiedź
Bardzo dziękuję, wszystko jasne
Dziękuję, o to mi chodziło
Wielkie dzięki
Dzięki, pomogło
Dziękuję, bardzo pomocne
Super, dzięki
ok, dzięki
Okej, dziękuję
Dobrze, dziękuję za informację
Dziękuję za cierpliwość
Dzięki za wyjaśnienie
Dziękuję, miłego dnia
Dziękuję, pozdrawiam
Serdecznie dziękuję
Dzięki wielkie, ratujesz mi dzień
Dziękuję za tak szybką reakcję
Dziękuję, zwrot już widzę na koncie
Dziekuje, wszystko gra
dzieki, super szybko
Dzięki, jesteś super
Bardzo dziękuję za pomoc z fakturą
Dzięki za link, działa
Dziękuję, już znalazłam
Dzięki, wszystko wiem
Stokrotne dzięki
Dziękuję, to była bardzo miła rozmowa
Dziękuję za szybkie załatwienie sprawy
Dziękuję, wszystko się zgadza
Dzięki za kod, zadziałał
Dzięki, to wszystko czego potrzebowałam
Dziękuję, że tak szybko odpisaliście
Dziękuję, pani z infolinii była przemiła
Dzięki za przypomnienie o zwrocie
Dziękuję za przedłużenie terminu odbioru
Dzięki za informację o dostępności
dzieki, wszystko smiga
Dziękuję ślicznie
""")

section("pl", "positive", "fast_delivery", """
Paczka przyszła następnego dnia, super!
Ekspresowa dostawa, dziękuję
Wow, zamówiłam wczoraj, a już jest
Szybciej niż się spodziewałam
Dostawa błyskawiczna
Przesyłka dotarła w 24h, brawo
Zamówienie przyszło szybko i dobrze zapakowane
Kurier bardzo miły i punktualny
Pięknie zapakowane, widać staranność
Paczka była w paczkomacie po jednym dniu, rewelacja
Dostawa przed czasem, jestem pozytywnie zaskoczona
Wszystko doszło w idealnym stanie
Zawsze szybko wysyłacie, dziękuję
Zdążyło na prezent, dziękuję!
Paczka przyszła w sobotę, super sprawa
Szybko, sprawnie, bez problemu
Kurier zadzwonił, przyjechał na czas, idealnie
Dostawa ekspresowa, jak zawsze
Dotarło całe i zdrowe, nawet szklanki
Ale szybko! Dziękuję
""")

section("pl", "positive", "product_praise", """
Sukienka jest przepiękna
Sweter cudowny, bardzo miękki
Pościel jest świetnej jakości
Buty pasują idealnie
Rozmiar idealny, dziękuję za pomoc w wyborze
Płaszcz wygląda jeszcze lepiej niż na zdjęciu
Jestem zachwycona zasłonami
Kubki są śliczne
Kocham ten koc
Lampa robi klimat w salonie, polecam
Materiał super, warto było
Mąż zachwycony koszulą
Dywan idealnie pasuje do pokoju
Najlepsze jeansy, jakie miałam
Świeczki pachną obłędnie
Kurtka ciepła i lekka, jestem bardzo zadowolony
Wszystko zgodne z opisem, polecam
Jakość za tę cenę świetna
Córka zachwycona sukienką
Zamawiam drugi raz ten sam sweter, bo jest genialny
Ręczniki miękkie nawet po praniu
Rozmiarówka idealna, pierwszy raz trafiłam za pierwszym razem
Kolor dokładnie jak na zdjęciu
Piękne opakowanie, świetny prezent
Talerze są przepiękne, goście pytali skąd
""")

section("pl", "positive", "service_praise", """
Świetna obsługa
Bardzo miła obsługa, dziękuję
Jesteście najlepsi
Polecam wasz sklep wszystkim
Super, że tak szybko reagujecie
Czat bardzo pomocny
Wow, bot naprawdę pomógł
Pierwszy raz bot mi pomógł, brawo
Sprawnie i konkretnie, dziękuję
Zawsze można na was liczyć
Bardzo profesjonalnie
Konsultantka była bardzo pomocna
Pan z obsługi świetnie wszystko wyjaśnił
Reklamacja załatwiona w dwa dni, szacunek
Zwrot przebiegł bez problemu
Zwrot pieniędzy przyszedł szybko, dzięki
Wymiana poszła sprawnie, polecam
Jestem bardzo zadowolona z zakupów
Kolejny raz miłe zaskoczenie
Najlepszy sklep z ubraniami w Polsce
Lubię u was kupować
Brawo za obsługę
Ekstra podejście do klienta
Z wami to przyjemność
Aż miło się robi, jak wszystko działa
Załatwione w 5 minut, super
""")

section("pl", "positive", "resolved", """
Działa, dzięki!
Już działa, dziękuję
Kod zadziałał, super
Udało się zapłacić, dziękuję
Znalazłam paczkę, wszystko ok, dzięki
Hasło zresetowane, dziękuję
Faktura przyszła, dziękuję
Pieniądze już są na koncie, dziękuję
Zalogowałam się, dzięki za pomoc
Etykieta się wygenerowała, dzięki
Paczka odebrana, wszystko super
Wszystko już jasne, bardzo dziękuję
Problem rozwiązany, dzięki
Świetnie, o to chodziło
Super, teraz wszystko działa
Dzięki, BLIK przeszedł
Rozmiar wymieniony, pasuje, dziękuję
Konsultant wszystko wyjaśnił, dzięki
Ok, wszystko załatwione, dziękuję
Udało się, jesteście wielcy
""")

section("pl", "positive", "closing", """
Dziękuję, to wszystko. Miłego dnia!
Super, dziękuję i pozdrawiam
Wszystko jasne, dziękuję i do usłyszenia
Dzięki, miłego wieczoru
Dziękuję, dobrej nocy
Świetnie, dziękuję, do widzenia
Ok, super, dzięki i pa
Dziękuję, na pewno jeszcze zamówię
Dzięki, na pewno wrócę
Będę polecać znajomym
Dziękuję, wesołych świąt!
Dzięki, udanego weekendu
Jestem zadowolona, dziękuję
Wszystko w porządku, dziękuję
Miło się rozmawiało, dzięki
Dziękuję za rozmowę
Pozdrawiam serdecznie i dziękuję
Dziękuję, do zobaczenia w sklepie
""")

section("pl", "positive", "survey_pos", """
Bardzo dobrze
Dobrze, dziękuję
Świetnie
Rewelacja
5/5
Jestem zadowolony
Bardzo zadowolona
Wszystko super
Na piątkę
10/10
Lepiej niż się spodziewałem
Polecam
Bardzo polecam
Wszystko ok, dziękuję
Pełen profesjonalizm
""")

section("pl", "positive", "negation_pos", """
Nie mam zastrzeżeń, dziękuję
Nie mam żadnych uwag, wszystko super
Nie spodziewałam się, że tak szybko, dziękuję
Nie było żadnego problemu, dzięki
Nie narzekam, wszystko przyszło na czas
Naprawdę nie jest źle, jestem zadowolona
Nie zawiodłam się, dziękuję
Nic dodać, nic ująć
Nie mogę się doczekać kolejnych zakupów
Bez żadnych problemów, polecam
Nie sądziłem, że bot to załatwi, a jednak, brawo
""")

section("pl", "positive", "slang", """
sztos
git
extra
git, dzięki
Sztos sukienka
Mega
Super
Petarda
Ekstra sprawa
Bomba
Cudo
Kozak
Ale super!
Jest moc
Git majonez, dzięki
Sztos, ogarnięte w minutę
Zajebiście, dzięki
spoko, dzięki
Totalnie zakochana w tym swetrze
Mega szybko, dzięki
""")

section("pl", "positive", "enthusiastic", """
DZIĘKUJĘ, JESTEM ZACHWYCONA!!!
JESTEŚCIE NAJLEPSI NA ŚWIECIE!!!
SUPER SPRAWA!!!
Kocham was ❤️
Dziękuję za wszystko 🙏
Jest idealnie 😍
Super, działa 👍
Dzięki za szybką pomoc 🙂
Paczka już jest 🥳
Wszystko pasuje, hurra!
Aaa, jakie piękne! Dziękuję!
Dziękuję, zrobiliście mi dzień ❤️
""")

section("pl", "positive", "mixed_lang", """
ok thx, to czekam
thx, super sprawa
Dzięki, great job
Super, thanks a lot
Dziękuję, perfect
Wszystko ok, thank you
Dzięki, you're the best
Paczka doszła, dzięki, love it
Sztos, thanks
Great, dzięki za pomoc
""")

section("pl", "positive", "more_thanks_praise", """
Dzięki, jesteście bardzo pomocni
Dziękuję, już wszystko zamówione
Dziękuję, zamówienie złożone bez problemu
Dzięki, kod BLIK przeszedł od razu
Dzięki za cierpliwość do mnie
Dziękuję, że sprawdziliście to tak dokładnie
Dziękuję, pani w sklepie w Krakowie bardzo mi pomogła
Bardzo dziękuję, zwrot przyjęty błyskawicznie
Świetnie, że da się zwrócić w sklepie, dziękuję
Fajnie, że macie paczkomaty 24/7
Cieszę się, że jednak jest mój rozmiar
Dziękuję, teraz rozumiem, jak to działa
Miło, że ktoś w końcu tak szybko odpisał
Wspaniale, dziękuję
Cudownie, dziękuję za pomoc
Doskonale, o to chodziło
Rewelacyjnie, dzięki
Super, że tak szybko
Świetna robota, dzięki
Dobra robota
Dzięki za pomoc, jesteś wielki
Naprawdę pomocny czat, dzięki
Tak szybko, że aż nie wierzę, dzięki
Doceniam pomoc
Doceniam szybką odpowiedź
Uratowaliście mi prezent dla mamy, dziękuję
Zrobiliście mi dzień
Wszystko się udało, jestem bardzo wdzięczna
Jestem wdzięczny za szybki zwrot
Wielkie brawa dla kuriera
Kupiłam drugi raz i znowu jestem zadowolona
Bardzo fajny sklep
Fajna kolekcja w tym sezonie
Uwielbiam wasze swetry
Macie najładniejsze dodatki do domu
Wasza pościel to miłość
Zawsze wszystko pasuje, dziękuję
Bardzo przyjemne zakupy
Zakupy u was to czysta przyjemność
Spoko, dziękuję za szybką info
Super, właśnie o to pytałam, dzięki
Dziękuję, już nie muszę dzwonić
O, działa! Dziękuję
No i pięknie, wszystko działa, dzięki
Dziękuję, w końcu mam fakturę
Dziękuję za rabat, miła niespodzianka
Dziękuję za kartkę z życzeniami w paczce, urocze
Fajnie zapakowane, dzięki
Pachnie nowością i wygląda super
Mama zachwycona prezentem, dziękuję
Kurier przemiły, pozdrawiam go
Wow, szybko poszło
Aż nie wierzę, że tak sprawnie
Idealnie, dziękuję
Szybko i bezproblemowo, dziekuje
Dzieki za pomoc, wszystko dziala
Wszystko przyszlo, super
Dziekuje bardzo, milego dnia
Bardzo mila obsluga
Jestem mega zadowolona
Dziękuję, polecę was koleżankom
Tak trzymać!
Dziękuję, zamówienie doszło w komplecie
Paczka odebrana z paczkomatu, wszystko ok, dziękuję
Zwrot zaksięgowany, dziękuję za sprawną obsługę
Dziękuję, mam już kod do paczkomatu
Dzięki, karta podarunkowa działa
Dziękuję, saldo się zgadza
Dziękuję, rozmiar M pasuje idealnie
Dzięki za poradę z rozmiarem, trafione
""")

# =========================== ENGLISH – NEUTRAL =============================

section("en", "neutral", "plain_requests", """
Where is my parcel?
where is my parcel
Has my parcel been shipped?
has my package left the warehouse
I want to return a jacket
I'd like to return these shoes
I want to send back a dress
I need to return a coat I bought last week
I want to exchange a sweater for a bigger size
I'd like to cancel my order
I want to change the delivery address
I forgot my password
I need a VAT invoice for my order
I want to pay with BLIK
I'd like to use a discount code
is this a bot
Is this a bot?
are you a bot or a person
Am I talking to a robot?
are you a real person
I have a question about my order
I have a question about a return
I need help with my order
I need some help
can you help me with a delivery
I'm asking about order 55120
I want to know when my parcel arrives
I want to buy a gift card
I would like to order a sofa
I'm looking for a winter jacket
""")

section("en", "neutral", "greeting", """
Hi
Hello
Hey there
Good morning
Hi, I have a question
Hello, I need some help with my order
Good evening, quick question
Hi there, is anyone available?
Hey, can you help me?
Hello 🙂 quick question
Hi, I'm writing about a return
Morning! Question about sizes
Hello, I placed an order yesterday
Hi, first time ordering here
Hiya
Hello, anybody here?
Hey 👋 question about delivery
Good afternoon
Hi, do you speak English?
Hello, can I ask something?
""")

section("en", "neutral", "order_status", """
Where is my order?
What's the status of my order?
Can you check order 48213 for me?
Has my order been shipped yet?
When will my order be dispatched?
I ordered yesterday, when will it ship?
How can I track my order?
Is order 51027 on its way?
Where can I see my order status?
Will I get an email when my parcel is sent?
Order status for 60418 please
Has my order been packed yet?
What does "processing" mean?
What does "awaiting fulfilment" mean on my order?
How long does it take to process an order?
I ordered on Friday, when should it be dispatched?
Can I still change the delivery address on my order?
Can I add an item to an order I already placed?
How do I cancel my order?
Can I cancel if it hasn't shipped yet?
I need to change the phone number on my order
Can you combine two orders into one parcel?
Could you look up order 77120?
wheres my order
when does it ship
order status 33902
Can I track an order placed as a guest?
I got an email saying my order is ready to ship. What happens next?
Will the order arrive in one parcel or several?
I ordered two items, why did I get two shipping emails?
How long can an order stay in "accepted" status?
Do you ship orders on weekends?
What's the cut-off time for same-day dispatch?
Can I add a note to my order?
Can I change the delivery method after ordering?
My order number is 88314
Order number: 20577
Order 41190, surname Kowalski
Is there a way to see the estimated delivery date?
Did my order go through? I didn't get a confirmation email yet
""")

section("en", "neutral", "delivery", """
What delivery options do you have?
How much is shipping?
What's the minimum for free delivery?
How long does courier delivery take?
Do you ship abroad?
Do you deliver to Germany?
How long does shipping to the UK take?
Can I pick up my order in store?
Do you offer next-day delivery?
Does the courier call before delivering?
Can I choose a delivery time slot?
Do I pay for shipping on returns?
Which days does the courier deliver?
Do you deliver on Saturdays?
Is cash on delivery available?
How much extra is cash on delivery?
Do you deliver furniture to the door or inside?
How do you deliver big items like rugs?
Can I have it delivered to my work address?
Can someone else collect the parcel for me?
How much is shipping to Ireland?
delivery time
shipping cost
Does free shipping apply to parcel lockers too?
Which courier do you use?
Do you ship with DHL?
Is express delivery available?
Are parcels insured?
What happens if I'm not home when the courier comes?
Will the courier leave it with a neighbour?
Do you ship to the US?
Are there customs fees for orders to Norway?
""")

section("en", "neutral", "courier_tracking", """
Where do I find my tracking number?
How do I track my parcel?
Could you send me the tracking number?
The tracking link won't open for me, where else can I check?
What's the courier's phone number?
How do I contact the courier?
Can I redirect my parcel to another address?
What does "at sorting facility" mean?
What does "notice left" mean in tracking?
The courier left a notice, where do I pick up my parcel?
Can I arrange a redelivery?
How many days will the pickup point hold my parcel?
Do you send the tracking number by text?
How long do parcels usually stay at the sorting centre?
tracking number
track parcel
tracking for order 50231
How often does the tracking status update?
Can I change the delivery date?
Which pickup point will hold my parcel if I miss the courier?
""")

section("en", "neutral", "parcel_locker", """
Do you deliver to parcel lockers?
How do I choose a parcel locker at checkout?
Can I change the locker after placing my order?
How long do I have to collect from the locker?
Where do I get the pickup code for the locker?
Will the locker code come by SMS?
Can I open the locker from the app?
What happens if I don't pick up from the locker in time?
Will a large rug fit in a parcel locker?
Is locker delivery free over 199 zł?
Can I send a return from a parcel locker?
parcel locker cost
Do you deliver to InPost lockers?
How do I extend the pickup time at a locker?
Can I pick a 24/7 locker?
I have two pickup codes, which one do I use?
Is locker delivery as fast as courier?
Can I return from a different locker than I collected from?
Which phone number should I enter to get the locker code?
Can I get my parcel delivered to a Żabka shop?
""")

section("en", "neutral", "returns", """
How do I return an item?
How many days do I have to return something?
Are returns free?
How do I generate a return label?
Where is the return form?
Do I need a receipt to return something?
Can I return just one item from my order?
How do I return a damaged item?
What should I do if I got the wrong size?
Can I return sale items?
Can I return online orders in a store?
Does the return need to be in the original packaging?
Can I return an item without the tag?
How do I send a return by courier?
Can underwear be returned?
Can cosmetics be returned?
How long does it take to process a return?
Where can I check my return status?
Will I get a confirmation when my return arrives?
I need to make a return, where do I start?
Can I return a gift I received?
How do I file a complaint about a faulty product?
How long does a warranty claim take?
What's the difference between a return and a complaint?
Can I file a complaint through the chat?
return
returns policy
return form
how to return
return without receipt?
I'd like to return the dress from order 61302
I want to send back two pairs of trousers
What address do I put on the return parcel?
Can I return furniture?
What should I put as the reason for return?
Is there a return label in the box?
""")

section("en", "neutral", "refunds", """
How long does a refund take?
When will I get my refund?
Where does the refund go?
Will the refund go back to the card I paid with?
Do BLIK refunds go to my bank account?
Is the shipping cost refunded too?
How can I check if my refund has been issued?
Can I get the refund as store credit instead?
Refund for order 49920, has it been issued?
I paid cash on delivery, how do I get my refund?
Where do I give my bank account number for the refund?
Do PayPal payments get refunded to PayPal?
refund how many days
My return was accepted yesterday, how long until the refund?
Can the refund go to a different account?
Do you refund delivery on a partial return?
How do refunds work for instalment payments?
How does the refund work if I paid with a gift card?
How many business days until the refund shows up?
Will I get an email when the refund is sent?
""")

section("en", "neutral", "payment", """
What payment methods do you accept?
Can I pay with BLIK?
Can I pay by card?
Do you offer cash on delivery?
Can I pay in instalments?
Do you support Apple Pay?
Can I use Google Pay?
What should I do if my payment didn't go through?
What do I do if BLIK fails?
Can I retry payment for my order?
How long do you wait for payment before cancelling?
How do I pay for an order I didn't pay for right away?
Do you accept bank transfers?
How long does a bank transfer take to register?
Is PayPal available?
Do you have buy now pay later?
Can I split payment between a gift card and a bank card?
My BLIK code expired, how do I get a new one?
Can I change the payment method after ordering?
blik payment
pay on delivery?
Is the payment page secure?
Can I pay in euros?
Is there a fee for paying by card?
Where's the payment link?
Do you take Revolut?
""")

section("en", "neutral", "invoice", """
Can I get an invoice?
How do I order as a company with a VAT invoice?
Where do I enter my VAT number?
Will the invoice be emailed?
Where can I find the invoice for my order?
Can I add my VAT number after purchase?
I need an invoice for order 73518
Do you issue corrected invoices for returns?
Is the invoice a PDF?
invoice
VAT invoice for company
Can a receipt be changed to an invoice?
How long do I have to request an invoice?
Can the invoice have a different address from the delivery one?
Can I get a copy of my invoice?
Is the invoice included in the parcel?
How do I download the invoice from my account?
How do I report a correction to invoice details?
Do you issue invoices to private persons?
Is the invoice dated on payment or on dispatch?
""")

section("en", "neutral", "sizes", """
What size should I get if I usually wear M?
Where's the size chart?
Do the sizes run true to size?
Are these trousers suitable for tall people?
How long is this dress in size 38?
Is this jumper oversized?
I'm 170 cm, what jacket size do you recommend?
Are these shoes good for wide feet?
What's the insole length in size 39?
Is this blazer fitted?
Will this coat fit a jumper underneath?
What duvet cover size fits a 160x200 duvet?
Are the curtains ready to hang?
What are the dimensions of this rug?
Does this shirt shrink in the wash?
What material is this blouse made of?
Is this sweater wool?
How should I wash this coat?
Do these trousers have an elastic waist?
size 40 is that L or XL?
shoe size chart
Will size S fit if I weigh 60 kg?
What size is the model wearing?
What's the waist measurement for size 42?
Is this dress see-through?
Do the jeans have stretch?
Which kids' size for a six-year-old?
Is this bedding set cotton?
Do the pillowcases have zips?
How tall is this lamp?
Are these blackout curtains?
How much does this mug hold?
Are your sizes EU or UK?
Is the linen pre-washed?
""")

section("en", "neutral", "exchange", """
Can I exchange for a different size?
How do I swap shoes for a bigger size?
Are exchanges free?
Can I exchange for another colour?
How long does an exchange take?
Do I have to send the item back first for an exchange?
Can I exchange in a store?
size exchange
Does exchange work for sale items too?
I want to exchange the dress size 36 for 38
Can I exchange for a different product?
What if my size isn't available for the exchange?
Can I pay the difference on an exchange?
Do exchanges use the same form as returns?
How do I exchange the jacket from order 30915?
""")

section("en", "neutral", "account", """
How do I create an account?
How do I reset my password?
I forgot my password, what do I do?
How do I change my email address?
How do I delete my account?
Can I order without registering?
How do I change the address in my profile?
Where's my order history?
How do I unsubscribe from the newsletter?
How do I sign up for the newsletter?
Can I log in with Google?
How do I change my phone number in the account?
password reset
Where are my saved items?
How does the loyalty programme work?
How many loyalty points do I have?
Can I have two accounts with one email?
How do I turn on two-factor authentication?
Can I link a guest order to my account later?
How do I update my billing details?
How long is the password reset link valid?
Can I change my username?
""")

section("en", "neutral", "discount", """
How do I use a discount code?
Where do I enter a promo code?
Can I combine discount codes?
Does the code work on sale items?
Until when is code WRZOS10 valid?
Is there a code for first orders?
Do you have a student discount?
Does the discount code work in stores?
discount code
Do I get a discount for signing up to the newsletter?
When is Black Friday this year?
Are you planning a sale?
Is the discount calculated including shipping?
Can I apply a code after ordering?
How many times can I use the birthday code?
Does the newsletter code have a minimum order value?
""")

section("en", "neutral", "gift_card", """
Do you sell gift cards?
How do I check my gift card balance?
What amounts do gift cards come in?
How long is a gift card valid?
Can I use a gift card online?
Can I buy an e-gift card?
Can I pay for shipping with a gift card?
Do you post physical gift cards?
gift card balance
Can I use two gift cards on one order?
Does the remaining balance stay on the card?
Can the gift card validity be extended?
How do I send an e-gift card to someone's email?
Can a gift card be scheduled for a specific date?
Can a gift card be returned?
""")

section("en", "neutral", "availability", """
Will this dress be back in size 38?
When are these shoes being restocked?
Will size M be restocked?
Is this jumper available in another colour?
Is the item from the leaflet available online?
Do you have this throw in the Poznań store?
How do I check stock in a store?
Can I reserve an item?
Can I get notified when my size is back?
Are these mugs sold individually?
Do you have bedding in 220x200?
Is the Christmas collection out yet?
Will this jacket come back?
stock size 39
Does this rug come in a bigger size?
Do you have something similar to this dress with long sleeves?
Is the new collection in stores already?
When does the spring collection drop?
Is this lamp in stock?
Do you still have this coat in camel?
Do you sell gift sets?
Do you have kids' shoes?
Is there a men's version of this hoodie?
How many are left in size L?
""")

section("en", "neutral", "stores_contact", """
What are your opening hours?
What time does the Kraków store close?
Are stores open on Sundays?
Where are your physical stores?
Do you have a store in Gdańsk?
What's your customer service number?
What are the helpline hours?
What's the customer service email?
Is the chat available at weekends?
opening hours
store address Warsaw
Is the mall store open on bank holidays?
Does the Łódź store have fitting rooms?
Where is your head office?
Do you answer emails at the weekend?
Can I call you?
""")

section("en", "neutral", "human_agent", """
I'd like to speak to an agent
Can I talk to a human?
Please connect me to a person
Is there an agent available?
agent
Can someone call me back?
When are live agents available?
I want to talk to customer service
Can someone from the complaints team call me?
Could you transfer me to an agent?
Please contact me by email about this
Can I leave my number for a callback?
""")

section("en", "neutral", "keyword", """
delivery
parcel
order
order status check
cancel order
change address
terms and conditions
privacy policy
discount
newsletter signup
contact
helpline
size
shipping refund
return label
free delivery
international shipping
credit note
locker code
loyalty points
delivery time estimate
payment
instalments
COD
""")

section("en", "neutral", "ack_goodbye", """
ok sure
Okay
I see
Got it
Alright
Right
Hmm
So I just have to wait until Monday?
So I need to fill in the form?
Ok, I'll check
Let me check my email
One sec, looking for the order number
Hang on
Bye
See you
That's all for now
That's all
No more questions
Ok, I'll come back later
Ok, I'll try again
Yes
No
Yes, it's about yesterday's order
No, it's a different order
I don't know where to check that
It's about the blue dress
Sorry, wrong number, it's 55103
I sent an email about this yesterday
Yes, I paid by card
I paid with BLIK
I ordered with an account
The address is 5 Lipowa St, Kraków
Noted
Understood
""")

section("en", "neutral", "survey_mixed", """
Meh
So-so
It was ok
Average
Neither good nor bad
Could be better, could be worse
Fine I guess
Hard to say
Not sure yet, the parcel is still on its way
No opinion
3 out of 5
Same as usual
Not bad, we'll see when it arrives
It was alright
""")

section("en", "neutral", "misc_questions", """
Do you have a mobile app?
Do you sell wholesale?
Do you offer gift wrapping?
Can I add a gift message?
Are your products made in Poland?
Is your packaging eco-friendly?
Do you sell on Amazon?
Can I order by phone?
Are store and online prices the same?
Does the price include VAT?
Can I order a fabric sample?
How do I care for linen bedding?
Are these candles soy wax?
Are the plates dishwasher safe?
Is this mug microwave safe?
Are you hiring for the store?
Do you take old clothes for recycling?
Does this cushion have a removable cover?
Can I order made-to-measure curtains?
Is there a warranty on furniture?
How can I suggest a product?
Are you on Instagram?
What is Wrzos Club?
Can I switch the site to English?
Do you have a Polish version of the chat?
Is there a price match policy?
""")

section("en", "neutral", "mixed_lang", """
Hi, mam pytanie, where is my order?
Can I pay with BLIK or only karta?
What's the status of zamówienie 52210?
Where can I find the faktura?
Sorry, my Polish is bad, can we speak English?
Is paczkomat delivery free?
How do I do a zwrot?
Can I exchange rozmiar M for L?
ok, and how long for the refund?
Dzień dobry, do you ship to Spain?
""")

section("en", "neutral", "follow_up_questions", """
and the cost?
and how long does it take?
and what about returns?
and is there a hood?
and does it come in navy?
what about a bigger size?
and can I pay on delivery?
and to Germany?
and where do I send it?
and if I don't have an account?
and the delivery time?
and is the parcel locker free too?
and can I pick it up in the store?
and in black?
and is it machine washable?
what about the invoice?
and who pays for the return shipping?
and how many days do I have?
and then what?
and is there an app for android?
and does the gift card work in stores?
and if the code doesn't work?
and do the points expire?
and what material is it?
and on Saturdays?
and how much is shipping to Ireland?
and after that?
and the warranty?
ok and what about the discount?
and can I change the locker?
and is it lined?
and when will it be back in stock?
and do you have it in a larger size?
and the price?
and how do I join the club?
and for a company?
and is it cotton?
and what does it weigh?
and for kids?
and can I add something to the order?
""")

# =========================== ENGLISH – NEGATIVE ============================

section("en", "negative", "late_delivery", """
I've been waiting two weeks for my parcel
I still haven't received my order
The parcel was due yesterday and it's still not here
How long am I supposed to wait for a simple delivery?
My order still hasn't shipped and it's been a week
The status hasn't changed in three days, what's going on?
You promised 48h delivery and it's been five days
Delivery date moved again, this is a joke
"In transit" for a week and nothing
I ordered it as a gift and it didn't arrive in time, very disappointing
Still waiting for an answer about my parcel
My parcel has been stuck at the depot for 6 days
Still no parcel, I'm losing patience
Still nothing, when will it finally arrive?
It was supposed to come at the weekend, it's Wednesday
Unfortunately my parcel still hasn't arrived
Hello, my order was due on Friday and unfortunately it didn't come
Sorry, but I've been waiting far too long
Second week of waiting, seriously?
Delivery has been delayed for the third time
Nobody told me there would be a delay
How much longer do I have to wait for this jacket?
10 working days and silence
Paid a week ago and it still says "processing"
I needed the jacket for a trip and the parcel isn't here. Disaster
It was supposed to arrive before Christmas and it didn't
I ordered on Monday, it's Friday and it hasn't even shipped
Still waiting.
Still waiting for this parcel...
Still nothing
So where is the parcel?
When are you finally going to ship my order?!
I've lost count of how many times I've asked about this parcel
I don't understand why this is taking so long
This delivery is a total fail
Delay after delay
Waiting and waiting, zero information
Honestly, over a week of waiting is too much
It's been 3 weeks. 3 WEEKS.
The tracking hasn't moved since Monday and nobody knows anything
""")

section("en", "negative", "caps_anger", """
I'VE BEEN WAITING 2 WEEKS!!!
WHERE IS MY PARCEL?!
GIVE ME MY MONEY BACK
THIS IS OUTRAGEOUS
I WANT TO TALK TO A HUMAN!!!
IT DOESN'T WORK!!!
HOW LONG DO I HAVE TO WAIT?!
I'M DONE WITH THIS SHOP
NEVER ORDERING AGAIN
MONEY TAKEN, ORDER UNPAID, WHAT IS THIS
SAME THING AGAIN
SECOND TIME I'M WRITING THE SAME THING!!!
DOES ANYONE ACTUALLY WORK HERE
ANSWER ME
PARCEL DESTROYED!!!
THIS IS RIDICULOUS!!!
PATHETIC SERVICE
EVERYTHING IS WRONG
CANCEL THIS ORDER NOW
RETURNED IT A WEEK AGO AND STILL NO MONEY
I DON'T WANT TO TALK TO A BOT
WRONG SIZE, WRONG COLOUR, WRONG EVERYTHING
WHAT ARE YOU PEOPLE DOING
ENOUGH!!!
""")

section("en", "negative", "courier", """
The courier never showed up and the system says "recipient absent"
I was home all day and the courier left a notice
The courier threw my parcel over the gate
The courier left my parcel with a stranger
The courier was rude and refused to bring it upstairs
Marked as delivered but I got nothing
The courier won't pick up the phone
The courier called at 7am and drove off right away
Parcel returned to sender because the courier couldn't find the address. The address is correct!
Third failed delivery, the courier isn't even trying
The courier left the parcel out in the rain
"Delivered" to a mailbox I don't have
The courier didn't call, just marked a failed attempt
That courier company is a nightmare
DPD couriers are hopeless
Same courier, same problem again
Someone signed for my parcel and it's not here
The courier told me to come down, I'm 80 years old
The courier lost my parcel and you're doing nothing about it
The courier rerouted my parcel without asking
""")

section("en", "negative", "parcel_locker", """
The locker was full and my parcel went to another town
I never got the locker code
The pickup code doesn't work
The locker didn't open and now it says collected
My parcel went to the wrong locker
I picked the locker next to my house and it's 10 km away
The locker has been broken since morning and my parcel is in it
The parcel got sent back from the locker because I never got the SMS
The locker compartment was empty
There was someone else's parcel in my locker
They've changed my locker twice without asking
"Prepared by sender" for three days and nothing
Parcel too big for the locker and nobody told me
Lockers were a bad idea, never again
The code from the text doesn't match, the door won't open, nightmare
""")

section("en", "negative", "damaged_wrong", """
The parcel arrived damaged
Hello, unfortunately the parcel arrived damaged
The box was torn and the mugs were broken
I got the wrong size
The colour is different from what I ordered
One item is missing from my parcel
I received someone else's order
The dress has a hole in it
The jumper had snags straight out of the bag
The vase arrived in pieces
The lamp doesn't work out of the box
The shoes are two different sizes
There's a stain on the coat
The bedding smells musty
The jacket zip broke the first time I wore it
I got a used item with someone's hair on it
The plate is cracked and I ordered the set for Christmas
The colour is nothing like the photo
The parcel was crushed and everything inside is bent
No tag and the plastic was ripped, it looks like a return
I ordered two curtains and got one
Only half of my order arrived
The shirt shrank two sizes after the first wash
The fabric is much worse than described
Terrible quality, the seams are coming apart
The rug has a defect, a discoloured patch in the middle
Unfortunately the photo frame was cracked
I'm sorry, but I'm disappointed with the quality
Not what I expected for this price
The buttons fell off after one day
""")

section("en", "negative", "returns", """
I sent the return three weeks ago and heard nothing
The return form doesn't work
The return label won't generate
You rejected my return for no reason
Returns were supposed to be free and I was charged
Nobody confirmed my return arrived
My complaint was rejected even though the defect is obvious
I've been waiting a month for my complaint to be reviewed
The store wouldn't take my return and sent me online
This return process is a nightmare
Third time filling in the return form and it errors out
You received my return a week ago and it still says "in transit"
Your returns are a mess
Why do I have to pay to return a faulty item?
You rejected my complaint, I don't accept that
You lost my return
""")

section("en", "negative", "refunds", """
Where is my money?
I still haven't got my refund
It's been 14 days and no refund
The refund was approved but the money isn't in my account
You refunded less than I paid
You didn't refund the shipping cost
I've been waiting a month for my refund
The refund was supposed to take 5 days, it's been three weeks
I only get automatic replies and still no money
You refunded to a card that's been cancelled, now what?
Paid, returned, no money. Great deal
Please just give me my money back already
Hello, unfortunately my refund still hasn't come through
I still can't see the refund transfer
I've been waiting for 249 zł for 20 days
Partial refund even though I returned everything
You were supposed to refund me and I got a gift card I don't want
It feels like you just don't want to give the money back
The refund takes longer than the delivery did, laughable
Refund "in progress" for two weeks
""")

section("en", "negative", "payment", """
The payment failed but the money left my account
I paid with BLIK and the order says unpaid
You charged me twice
My card was declined and I have money on it
My order got cancelled because payment "didn't arrive", but I paid
BLIK failed for the third time
The payment page keeps freezing
My card was charged twice for one order
I sent the transfer 5 days ago and you still show unpaid
I can't pay, it keeps erroring
The money has been blocked on my account for a week
I paid and got an email saying pay or we'll cancel
Payment declined for no reason, very annoying
BLIK went through and you say it didn't
You took 189 zł from me twice
Third attempt to pay and still an error, pathetic
My bank confirms the transfer and you see nothing
Instalments rejected without explanation
I paid with a gift card and you charged my bank card as well
Why is cash on delivery suddenly unavailable? Not great
""")

section("en", "negative", "invoice", """
The invoice has the wrong VAT number
I still haven't received my invoice
Third time asking for the invoice
The invoice shows the wrong amount
The invoice was issued to the wrong company
No VAT number on the invoice even though I entered it
I can't download the invoice, the link is broken
Still no corrected invoice after a month
My accountant is waiting for the invoice and you do nothing
Without an invoice I can't expense this, it's a real problem
""")

section("en", "negative", "sizes_quality", """
The sizing is completely off from the chart
I ordered M and it fits like an XS
The trousers are too short even though the chart says they should fit
Your size chart is misleading
The shoes pinch, they run small
Returning again because your sizes make no sense
Third exchange and it still doesn't fit
The exchange has taken three weeks already
You sent the replacement in the same wrong size
I wanted a different size and now it's sold out and I'm left with nothing
The photos have nothing to do with reality
One wash and the jumper is ruined
Cheap rubbish
The quality has dropped, it used to be better
The dress is see-through and the description didn't mention it
The jacket soaks through after 10 minutes of rain
High price, low quality
This bedding feels like paper
""")

section("en", "negative", "account", """
I can't log in
The password reset email never arrives
The reset link doesn't work
My account is locked and I don't know why
My loyalty points disappeared
Someone changed my account details
It keeps logging me out
I can't delete my account, it keeps failing
I unsubscribed and I'm still getting spam
The site keeps throwing an error at login
Third password reset and I still can't get in
My order history is empty but I've ordered before
The app crashes every time I open it
My saved basket vanished
The site is so slow it's impossible to buy anything
""")

section("en", "negative", "discount", """
The discount code doesn't work
Code WRZOS10 says "invalid"
The discount wasn't applied
The newsletter code is invalid and I got it yesterday
I never got the birthday discount you promised
The sale price is higher than before the sale
You marked it down the day after I bought it, I feel cheated
The code only works on stuff nobody wants
That promotion is a scam
The code I got expired the day it was sent
Two days fighting with this discount code
The discount disappeared at checkout
""")

section("en", "negative", "gift_card", """
The gift card doesn't work
My gift card balance is zero and I haven't bought anything
The e-gift card never reached the recipient
The gift card code is invalid
The gift card expired and nobody warned me
You took money off my gift card when I returned something
You can't use the gift card online, makes no sense
I bought a gift card for a birthday and it arrived after
The remaining balance on my card vanished
My gift card got blocked for no reason
""")

section("en", "negative", "availability", """
My size is out of stock again
Everything sold out in the first 5 minutes
Added it to the basket and at checkout it says unavailable
Order cancelled because you didn't have the item. Why sell it then?
It showed as in stock and it isn't
I've been waiting a month for the back-in-stock email
Always the same, M and L gone instantly
The store says it's online, online says it's in the store
Sale on and half the items unavailable, poor
You cancelled my order without a word of explanation
""")

section("en", "negative", "bot_complaint", """
You're useless
This bot understands nothing
This bot is a joke
You don't understand what I'm writing
Same answer again
That's not what I asked
That doesn't answer my question
Like talking to a wall
This chat is pointless
Nonsense answers
This bot is just wasting my time
What's the point of a bot that knows nothing
Stop sending me FAQ links
I already read the FAQ, it didn't help
I don't want to talk to you, get me a human
Just give me a real person already
I've been trying to reach an agent for 20 minutes
I've waited half an hour for an agent
Nobody answers the helpline
Three emails and no reply
Your customer service is a disaster
Customer service doesn't exist here
I give up
You can't get anything done with you people
We're going round in circles
I'm sick of this conversation
You didn't help at all
Poor chat
This assistant is stupid
What is this even for
Stop replying with canned phrases
You promised a callback and nobody called
The agent hung up mid-conversation
Every time a different answer
""")

section("en", "negative", "sarcasm", """
great, another week of waiting…
wow thanks for nothing
Brilliant, the same answer for the third time
Oh perfect, the delivery got pushed back again
Fantastic, it's broken again
Wonderful service, nobody has answered in a week
Genius, the discount code is "invalid"
Great, money taken and no order
Awesome, the bot didn't understand again
Congratulations, you lost my parcel
Lovely, wrong size again
Sure, let's just wait until Christmas
Such fast delivery, a whole three weeks
Amazing, another apology email and nothing else
I just love waiting a month for a refund
Oh great, the label won't generate again
Nice, the courier "couldn't find me" again
Yeah, because I have nothing better to do
Oh how nice, another FAQ link
Very helpful, really
Great service, would recommend... not
Well done, guys
Great idea, this bot
Perfect timing, the gift arrived late
Yeah yeah, "within 24 hours". Sure
Reliable as always, no parcel
Wow, two weeks for a reply, a record
Thank you so much for absolutely no help
Of course, yet another "sorry for the inconvenience"
Shocker, something's broken again
Thanks a lot, really helpful 🙄
Oh good, another automated reply
""")

section("en", "negative", "slang_short", """
terrible
awful
ridiculous
a joke
pathetic
unbelievable
not working, ugh
useless
hopeless
disgraceful
outrageous
do not recommend
never again
poor
very poor
so disappointed
I'm disappointed
I'm furious
fed up
seriously?
no words
what a mess
scam
ugh
rubbish
worst shop ever
this is unacceptable
total fail
wtf
smh
""")

section("en", "negative", "survey_neg", """
Bad
Very bad
Horrible
Poor service
1 out of 5
Not happy
I'm not satisfied
I'm not happy with the service
It didn't help
Nothing got sorted
Zero help
Worse than last time
""")

section("en", "negative", "polite_complaint", """
Hello, I have a problem with my order, it arrived incomplete
Sorry, but this is my third message about this
Unfortunately I still haven't had a reply to my complaint
Could you please explain why my order was cancelled without my consent
I'm sorry to say the quality is much worse than it used to be
Dear team, I've been waiting a week for my refund
Please contact me urgently, I was charged twice
I'm politely asking once again where my parcel is
I'm a regular customer and this is the first time I've been let down like this
I understand there are delays, but two weeks is too much
I know it's not your fault, but I'm really tired of this
No offence, but these answers don't help me
I'm not happy with how my complaint was handled
Unfortunately the code didn't work and I paid full price
Shame nobody told me about the delay
I was hoping for a better experience this time
""")

section("en", "negative", "mixed_lang", """
sorry but it's still nie ma paczki, again
This is a dramat, honestly
Bot doesn't understand anything, masakra
Refund still pending, kpina
I paid with BLIK and it says nieopłacone, wtf
Tracking stuck for a week, porażka
Worst customer service, żenada
The zwrot form is broken again
Seriously, paczka damaged again
Still waiting, no odpowiedź at all
""")

# =========================== ENGLISH – POSITIVE ============================

section("en", "positive", "thanks", """
Thank you!
Thanks
Thank you very much
Thanks for your help
Thanks for the quick reply
Thanks a lot, all clear now
Thank you, that's exactly what I needed
Many thanks
Thanks, that helped
Thank you, very helpful
Great, thanks
ok, thanks
Okay, thank you
Alright, thanks for the info
Thanks for your patience
Thanks for explaining
Thank you, have a nice day
Thank you, kind regards
Thank you so much
Thanks a million, you saved my day
Thanks for reacting so quickly
Thank you, I can see the refund in my account already
Thanks, all good
thx, super fast
Thanks, you're great
Thank you for helping with the invoice
Thanks for the link, it works
Thanks, found it
Thanks, I know everything now
Cheers!
Thank you, that was a really nice chat
Thanks for sorting it out so quickly
Thank you, everything checks out
Thanks for the code, it worked
Thanks, that's all I needed
Thank you for getting back to me so fast
Thanks, the lady on the helpline was lovely
Thanks for the reminder about the return
Thanks for extending the pickup time
Thanks for letting me know it's back in stock
ok thx
ty!
Cheers, much appreciated
""")

section("en", "positive", "fast_delivery", """
The parcel came the next day, great!
Express delivery, thank you
Wow, ordered yesterday and it's already here
Faster than I expected
Lightning-fast delivery
Arrived within 24h, well done
The order came quickly and well packed
The courier was very friendly and on time
Beautifully packed, you can tell someone cared
It was in the locker after one day, brilliant
Delivered early, pleasantly surprised
Everything arrived in perfect condition
You always ship fast, thanks
It made it in time for the birthday, thank you!
Parcel came on Saturday, great stuff
Quick, smooth, no problems
The courier called and came on time, perfect
Super quick delivery as always
Arrived safe and sound, even the glasses
That was fast! Thanks
""")

section("en", "positive", "product_praise", """
The dress is gorgeous
The jumper is lovely and so soft
The bedding is great quality
The shoes fit perfectly
Perfect size, thanks for helping me choose
The coat looks even better than in the photo
I love the curtains
The mugs are adorable
I love this throw
The lamp makes the living room so cosy, recommend
Great fabric, worth every penny
My husband loves the shirt
The rug fits the room perfectly
Best jeans I've ever had
The candles smell amazing
Warm and light jacket, very happy with it
Everything as described, recommend
Great quality for the price
My daughter loves the dress
Ordering the same jumper again because it's brilliant
The towels are still soft after washing
Sizing spot on, first time I got it right first go
Colour exactly like the photo
Lovely packaging, perfect gift
The plates are beautiful, guests asked where they're from
""")

section("en", "positive", "service_praise", """
Great service
Very friendly service, thanks
You're the best
I recommend your shop to everyone
Love how quickly you respond
Very helpful chat
Wow, the bot actually helped
First time a bot has helped me, well done
Quick and to the point, thank you
Always reliable
Very professional
The agent was really helpful
The guy from customer service explained everything brilliantly
Complaint sorted in two days, respect
The return went smoothly
The refund came fast, thanks
The exchange was easy, recommend
Really happy with my shopping
Pleasantly surprised again
Best clothes shop in Poland
I love shopping with you
Kudos to the support team
Great attitude towards customers
Always a pleasure dealing with you
So nice when everything just works
Sorted in 5 minutes, great
""")

section("en", "positive", "resolved", """
It works, thanks!
Working now, thank you
The code worked, great
Payment went through, thanks
Found my parcel, all good, thanks
Password reset, thank you
Got the invoice, thanks
The money is in my account, thank you
Logged in, thanks for the help
The label generated, cheers
Parcel collected, all great
All clear now, thank you very much
Problem solved, thanks
Great, that's what I meant
Super, everything works now
Thanks, BLIK went through
Size exchanged and it fits, thank you
The agent explained everything, thanks
Ok, all sorted, thank you
It worked, you guys rock
""")

section("en", "positive", "closing", """
Thank you, that's all. Have a nice day!
Great, thanks and best regards
All clear, thanks and talk soon
Thanks, have a good evening
Thank you, good night
Great, thank you, bye
Ok, awesome, thanks, bye
Thanks, I'll definitely order again
Thanks, I'll be back
I'll recommend you to my friends
Thank you, merry Christmas!
Thanks, have a great weekend
I'm happy, thank you
All good, thanks
Nice chatting, thanks
Thanks for the chat
Warm regards and thanks
Thank you, see you in store
""")

section("en", "positive", "survey_pos", """
Very good
Good, thanks
Excellent
Brilliant
5 out of 5
I'm satisfied
Very satisfied
All great
Top marks
10/10 would buy again
Better than I expected
Would recommend
Highly recommend
All fine, thanks
Very professional service
""")

section("en", "positive", "negation_pos", """
not bad at all, thanks
No complaints, thank you
No issues whatsoever, all great
Didn't expect it so fast, thanks
Not a single problem, thanks
Can't complain, everything came on time
Honestly not bad at all, I'm happy
You didn't let me down, thanks
Couldn't be happier
Can't wait for my next order
No problems at all, recommend
Didn't think the bot could sort it, but it did, well done
Couldn't ask for more
""")

section("en", "positive", "slang", """
awesome
cool, thanks
nice one
Sweet, thanks
Amazing
Super helpful
Legend
Love it
Perfect
Wicked fast, thanks
lovely
Spot on
Absolutely love this jumper
You guys rock
Nailed it, thanks
Smashing
Superb
Top notch
Class, thanks
Brill, cheers
""")

section("en", "positive", "enthusiastic", """
THANK YOU, I LOVE IT!!!
YOU GUYS ARE THE BEST!!!
AMAZING SERVICE!!!
Love you guys ❤️
Thank you for everything 🙏
It's perfect 😍
Great 👍
Thanks for the quick help 🙂
My parcel is here 🥳
Everything fits, yay!
Oh, it's so pretty! Thank you!
You made my day ❤️
""")

section("en", "positive", "more_thanks_praise", """
Thanks, you've been really helpful
Thanks, I've placed the order
Thank you, ordering was easy
Thanks, the BLIK code went through instantly
Thanks for being patient with me
Thank you for checking so carefully
Thanks, the staff at the Kraków store really helped
Thank you, the return was accepted in no time
Great that I can return in store, thanks
Love that you have 24/7 lockers
So glad my size is available after all
Thanks, now I understand how it works
Nice to finally get such a quick reply
Wonderful, thank you
Fabulous, thanks for the help
Excellent, that's what I needed
Great job, thanks
Good job
Thanks for the help, you're a star
Really helpful chat, thanks
So fast I can't believe it, thanks
I appreciate the help
I appreciate the quick answer
You saved my mum's birthday present, thank you
You made my week
It all worked out, really grateful
Grateful for the quick refund
Hats off to the courier
Bought again and happy again
Really nice shop
Lovely collection this season
I adore your jumpers
You have the prettiest home accessories
Your bedding is pure love
Everything always fits, thank you
Such a pleasant shopping experience
Shopping with you is a joy
Cool, thanks for the quick info
Great, that's exactly what I asked, thanks
Thanks, now I don't have to call
Oh, it works! Thank you
Thanks, finally got my invoice
Thanks for the discount, lovely surprise
Thank you for the card in the parcel, so sweet
Nicely packed, thanks
Smells new and looks great
Mum loves the present, thank you
Lovely courier, say hi from me
Wow, that was quick
I can't believe how smooth that was
Perfect, thank you
Quick and hassle-free, thank you
Thx for the help, all working
Everything arrived, great
Thank you, have a lovely day
Really nice support
I'm super happy
Thanks, I'll tell my friends about you
Keep it up!
Thank you, the order arrived complete
Collected from the locker, all fine, thanks
Refund received, thanks for the smooth service
Thanks, I've got the locker code now
Thanks, the gift card works
Thank you, the balance is correct
Thank you, size M fits perfectly
Thanks for the sizing tip, spot on
""")

section("en", "positive", "mixed_lang", """
thanks, dzięki wielkie
Thank you, super sprawa
Great job, sztos
Thanks, wszystko git
Perfect, dziękuję!
All good, dzięki
Love it, extra jakość
Super fast delivery, dzięki
Thanks a lot, pozdrawiam
Awesome, thank you, do widzenia!
""")


# ---------------------------------------------------------------------------
# Variant generation
# ---------------------------------------------------------------------------
PL_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
EMOJI_NEGATIVE = ["😡", "😠", "😤", "🙄", "😒", "🤬", "😩", "😞", "👎"]
EMOJI_SARCASM = ["🙄", "🙃", "😒", "👏"]
EMOJI_DISAPPOINTED = ["😞", "🙁", "😕", "😔"]     # for polite complaints: sad rather than furious
EMOJI_POSITIVE = ["🙂", "😊", "👍", "❤️", "🙏", "😍", "🥰", "💚", "😀", "✨"]
GREETINGS = {"pl": ["Dzień dobry, ", "Hej, ", "Witam, ", "Cześć, ", "Dobry wieczór, "],
             "en": ["Hi, ", "Hello, ", "Hey, ", "Good morning, ", "Hi there, "]}
POLITE_SUFFIX = {"pl": [" Z góry dziękuję.", " Pozdrawiam", " Proszę o informację."],
                 "en": [" Thanks in advance.", " Kind regards", " Please let me know."]}
NEG_PREFIX = {"pl": ["Serio, ", "No halo, ", "Naprawdę, ", "Kolejny raz piszę: "],
              "en": ["Seriously, ", "Come on, ", "Honestly, ", "Once again: "]}
NO_GREETING_TOPICS = {"greeting", "ack_goodbye", "survey_mixed", "keyword"}
EMOJI_RE = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\u2764\uFE0F]")
END_PUNCT_RE = re.compile(r"[.!?…]+$")


def has_emoji(text):
    return bool(EMOJI_RE.search(text))


def strip_diacritics(text):
    return text.translate(PL_ASCII)


def casual(text):
    """Chat-style lower case without the final full stop / exclamation mark."""
    text = text.lower()
    if text.endswith("?"):
        return text
    return re.sub(r"[.!]+$", "", text)


def lower_first(text):
    """Lower-case the first letter unless the first word looks like an acronym (BLIK, DPD)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def typo(text, rng):
    """One realistic keyboard slip in a word of 4+ letters: swap, drop or double a letter."""
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i]
    p = rng.randrange(1, len(w) - 1)
    op = rng.choice(("swap", "drop", "double"))
    if op == "swap":
        w = w[:p] + w[p + 1] + w[p] + w[p + 2:]
    elif op == "drop":
        w = w[:p] + w[p + 1:]
    else:
        w = w[:p] + w[p] + w[p:]
    words[i] = w
    out = " ".join(words)
    return out if out != text else None


def shout(text, rng):
    """Repeated punctuation: 'x.' -> 'x!!!', 'x?' -> 'x?!?!'."""
    m = END_PUNCT_RE.search(text)
    core = END_PUNCT_RE.sub("", text).rstrip()
    if m and "?" in m.group():
        return core + rng.choice(["?!?!", "???", "?!"])
    return core + rng.choice(["!!!", "!!", "!!!!", "!!1"])


def add_emoji(text, pool, rng):
    return f"{text} {rng.choice(pool)}" if not has_emoji(text) else None


def candidate_variants(base, rng):
    """All surface variants of one base that keep its label, in preference order."""
    text, lang, label, topic = base["text"], base["lang"], base["label"], base["topic"]
    words = len(text.split())
    out = []

    def add(kind, value):
        if value and value != text and "\t" not in value and "\n" not in value:
            out.append((kind, value))

    # Polish typed without diacritics (often also without capitals) -- preferred first.
    nodiac = None
    if strip_diacritics(text) != text:
        nodiac = strip_diacritics(text)
        if rng.random() < 0.5:
            nodiac = casual(nodiac)
        add("no_diacritics", nodiac)
    add("typo", typo(casual(text) if rng.random() < 0.5 else text, rng))

    if label == "negative":
        if not text.isupper():
            caps = text.upper()
            if not END_PUNCT_RE.search(caps) or rng.random() < 0.5:
                caps = shout(caps, rng)
            add("caps", caps)
        add("punctuation", shout(text, rng))
        pool = {"sarcasm": EMOJI_SARCASM, "polite_complaint": EMOJI_DISAPPOINTED}.get(topic, EMOJI_NEGATIVE)
        add("emoji", add_emoji(text, pool, rng))
        if topic not in ("caps_anger", "slang_short", "survey_neg") and words >= 3:
            add("prefix", rng.choice(NEG_PREFIX[lang]) + lower_first(text))
        if nodiac:
            add("no_diacritics+emoji", add_emoji(casual(nodiac), EMOJI_NEGATIVE, rng))
    elif label == "positive":
        add("emoji", add_emoji(text, EMOJI_POSITIVE, rng))
        add("punctuation", END_PUNCT_RE.sub("", text).rstrip() + rng.choice(["!!", "!!!", "!"]))
        add("casual", casual(text))
        if words <= 5 and not text.isupper():
            add("caps", END_PUNCT_RE.sub("", text.upper()).rstrip() + "!!!")
        if nodiac:
            add("no_diacritics+emoji", add_emoji(casual(nodiac), EMOJI_POSITIVE, rng))
    else:  # neutral
        add("casual", casual(text))
        if topic not in NO_GREETING_TOPICS and words >= 2:
            add("greeting", rng.choice(GREETINGS[lang]) + lower_first(text))
        if text.endswith("?") and words >= 3:
            add("polite_suffix", text + rng.choice(POLITE_SUFFIX[lang]))
            add("emoji", text + " " + rng.choice(["🤔", "🙂"]))
        if topic == "greeting":
            add("emoji", add_emoji(text, ["🙂", "👋"], rng))
        if nodiac and topic not in NO_GREETING_TOPICS and words >= 2:
            add("no_diacritics+greeting", rng.choice(["Dzien dobry, ", "Hej, ", "Witam, "]) + lower_first(casual(nodiac)))

    head = [v for v in out if v[0] == "no_diacritics"]
    rest = [v for v in out if v[0] != "no_diacritics"]
    rng.shuffle(rest)
    if head and rng.random() < 0.7:
        return head + rest
    merged = head + rest
    rng.shuffle(merged)
    return merged


# ---------------------------------------------------------------------------
# Build, deduplicate, split
# ---------------------------------------------------------------------------
def norm_key(text):
    """Key used to group near-identical messages into one split: no case, accents, punctuation, emoji."""
    text = strip_diacritics(text.casefold())
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isalnum())


def load_bases():
    bases, seen = [], {}
    for lang, label, topic, lines in SECTIONS:
        for n, text in enumerate(lines, 1):
            base_id = f"{lang}-{label}-{topic}-{n:03d}"
            key = text.casefold()
            if key in seen:
                raise SystemExit(f"duplicate base message {text!r}: {seen[key]} and {base_id}")
            seen[key] = base_id
            bases.append({"id": base_id, "text": text, "lang": lang, "label": label, "topic": topic})
    ids = [b["id"] for b in bases]
    assert len(ids) == len(set(ids)), "base ids must be unique"
    return bases


def build():
    """Returns (rows, bases); every row is a dict with text, label, lang, base, kind, split."""
    bases = load_bases()
    seen = {b["text"].casefold() for b in bases}
    rows = [dict(text=b["text"], label=b["label"], lang=b["lang"], base=b["id"], kind="base") for b in bases]

    # Variants: per (lang, label) cell, round-robin over the bases in seeded order, one variant per
    # base per round, until the cell reaches its target size.
    for (lang, label), target in sorted(TARGETS.items()):
        cell = [b for b in bases if b["lang"] == lang and b["label"] == label]
        pools = {b["id"]: candidate_variants(b, random.Random(f"{SEED}:{b['id']}")) for b in cell}
        order = sorted(cell, key=lambda b: b["id"])
        random.Random(f"{SEED}:order:{lang}:{label}").shuffle(order)
        count = len(cell)
        while count < target and any(pools.values()):
            for b in order:
                if count >= target:
                    break
                pool = pools[b["id"]]
                while pool:
                    kind, text = pool.pop(0)
                    if text.casefold() not in seen:
                        seen.add(text.casefold())
                        rows.append(dict(text=text, label=label, lang=lang, base=b["id"], kind=kind))
                        count += 1
                        break

    # Group bases whose lines share a normalised key (e.g. "Dzięki!" and "dzieki"), so that
    # near-identical messages can never sit on both sides of the split.
    parent = {b["id"]: b["id"] for b in bases}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_by_key = {}
    for r in rows:
        k = norm_key(r["text"]) or r["text"]
        if k in first_by_key:
            a, b = find(first_by_key[k]), find(r["base"])
            if a != b:
                parent[max(a, b)] = min(a, b)
        else:
            first_by_key[k] = r["base"]
    base_by_id = {b["id"]: b for b in bases}
    groups = collections.defaultdict(list)
    for r in rows:
        groups[find(r["base"])].append(r)
    # A group may mix labels on purpose: "Gdzie jest moja paczka?" is neutral, the same words
    # shouted ("GDZIE JEST MOJA PACZKA?!") are negative. Such groups still stay in one split.

    # Seeded, stratified split of whole groups: per (lang, label) cell, take shuffled groups into
    # heldout until the cell's heldout share is reached.
    split_of_group = {}
    for lang in LANGS:
        for label in LABELS:
            cell_groups = sorted(g for g in groups if base_by_id[g]["lang"] == lang and base_by_id[g]["label"] == label)
            random.Random(f"{SEED}:split:{lang}:{label}").shuffle(cell_groups)
            total = sum(len(groups[g]) for g in cell_groups)
            want, taken = round(total * HELDOUT_SHARE), 0
            for g in cell_groups:
                if taken < want and taken + len(groups[g]) <= want + 1:
                    split_of_group[g] = "heldout"
                    taken += len(groups[g])
                else:
                    split_of_group[g] = "train"
    for r in rows:
        r["group"] = find(r["base"])
        r["split"] = split_of_group[r["group"]]
    return rows, bases


def ordered(rows, split):
    sel = sorted((r for r in rows if r["split"] == split), key=lambda r: (r["base"], r["text"]))
    random.Random(f"{SEED}:shuffle:{split}").shuffle(sel)
    return sel


def tsv_lines(rows, split):
    return ["text\tlabel\tlang"] + [f"{r['text']}\t{r['label']}\t{r['lang']}" for r in ordered(rows, split)]


def write(rows):
    for split in ("train", "heldout"):
        with open(os.path.join(HERE, f"{split}.tsv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(tsv_lines(rows, split)) + "\n")


# ---------------------------------------------------------------------------
# Validation and statistics
# ---------------------------------------------------------------------------
def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    assert lines[-1] == "", f"{path}: must end with a newline"
    assert lines[0] == "text\tlabel\tlang", f"{path}: bad header {lines[0]!r}"
    out = []
    for n, line in enumerate(lines[1:-1], 2):
        parts = line.split("\t")
        assert len(parts) == 3, f"{path}:{n}: expected 3 columns, got {len(parts)}"
        text, label, lang = parts
        assert text.strip() == text and text, f"{path}:{n}: empty or padded text"
        assert label in LABELS and lang in LANGS, f"{path}:{n}: bad label/lang"
        assert "\r" not in line, f"{path}:{n}: carriage return"
        out.append((text, label, lang))
    return out


def check(rows, bases):
    problems = []
    files = {s: read_tsv(os.path.join(HERE, f"{s}.tsv")) for s in ("train", "heldout")}
    for s in files:
        expected = [tuple(line.split("\t")) for line in tsv_lines(rows, s)[1:]]
        if files[s] != expected:
            problems.append(f"{s}.tsv differs from a fresh build; run build_corpus.py")
    all_lines = files["train"] + files["heldout"]
    folded = collections.Counter(t.casefold() for t, _, _ in all_lines)
    dups = [t for t, c in folded.items() if c > 1]
    if dups:
        problems.append(f"{len(dups)} case-insensitive duplicates, e.g. {dups[:3]}")
    split_of_base = collections.defaultdict(set)
    split_of_key = collections.defaultdict(set)
    for r in rows:
        split_of_base[r["base"]].add(r["split"])
        split_of_key[norm_key(r["text"]) or r["text"]].add(r["split"])
    leaks = [b for b, s in split_of_base.items() if len(s) > 1]
    if leaks:
        problems.append(f"base-level leakage for {len(leaks)} bases, e.g. {leaks[:3]}")
    key_leaks = [k for k, s in split_of_key.items() if len(s) > 1]
    if key_leaks:
        problems.append(f"normalised-text leakage for {len(key_leaks)} keys, e.g. {key_leaks[:3]}")
    if len({b["id"] for b in bases}) < 1600:
        problems.append("fewer than 1,600 hand-written bases")
    if len(all_lines) < 3400:
        problems.append(f"only {len(all_lines)} lines")
    return problems


def stats(rows, bases):
    c = collections.Counter((r["split"], r["lang"], r["label"]) for r in rows)
    n = len(rows)
    out = ["| split | lang | negative | neutral | positive | total |", "|---|---|---:|---:|---:|---:|"]
    for split in ("train", "heldout", "all"):
        for lang in LANGS + ("all",):
            vals = [sum(v for (s, l, lb), v in c.items()
                        if (split == "all" or s == split) and (lang == "all" or l == lang) and lb == label)
                    for label in LABELS]
            out.append(f"| {split} | {lang} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    lab = collections.Counter(r["label"] for r in rows)
    out.append("")
    out.append("labels: " + ", ".join(f"{l} {lab[l]} ({lab[l] / n:.1%})" for l in LABELS))
    lg = collections.Counter(r["lang"] for r in rows)
    out.append("langs: " + ", ".join(f"{l} {lg[l]} ({lg[l] / n:.1%})" for l in LANGS))
    held = sum(1 for r in rows if r["split"] == "heldout")
    out.append(f"lines: {n}; heldout {held} ({held / n:.1%}); hand-written bases {len(bases)} "
               f"(heldout {len({r['base'] for r in rows if r['split'] == 'heldout'})}); "
               f"variants {sum(1 for r in rows if r['kind'] != 'base')}; split groups {len({r['group'] for r in rows})}")
    kinds = collections.Counter(r["kind"] for r in rows if r["kind"] != "base")
    out.append("variant kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="validate train.tsv/heldout.tsv against a fresh build")
    ap.add_argument("--stats", action="store_true", help="print counts only, write nothing")
    args = ap.parse_args()
    rows, bases = build()
    if args.check:
        problems = check(rows, bases)
        print(stats(rows, bases))
        for p in problems:
            print("PROBLEM:", p)
        print("OK" if not problems else "FAILED")
        return 1 if problems else 0
    if not args.stats:
        write(rows)
    print(stats(rows, bases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
