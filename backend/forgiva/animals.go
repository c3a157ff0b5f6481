package forgiva

import (
	"fmt"
	"strings"
)

// Animal is the visual confirmation the user picks; each selects one link of
// the key chain, in the spec's order (Ape is link 0, Zebra link 19).
type Animal int

// The 20 animals, in the spec's order.
const (
	Ape Animal = iota
	Bat
	Bear
	Whale
	Crow
	Dog
	Duck
	Cat
	Wasp
	Fox
	Gull
	Hyena
	Lion
	Panda
	Rat
	Shark
	Spider
	Turtle
	Wolf
	Zebra
)

// AnimalCount is the number of animals, hence of links in the key chain.
const AnimalCount = 20

func animalNames() [AnimalCount]string {
	return [AnimalCount]string{
		"Ape", "Bat", "Bear", "Whale", "Crow", "Dog", "Duck", "Cat", "Wasp", "Fox",
		"Gull", "Hyena", "Lion", "Panda", "Rat", "Shark", "Spider", "Turtle", "Wolf", "Zebra",
	}
}

// String returns the animal's name as spelled in the spec ("Ape").
func (a Animal) String() string {
	if !a.valid() {
		return fmt.Sprintf("Animal(%d)", int(a))
	}
	return animalNames()[a]
}

func (a Animal) valid() bool { return a >= 0 && a < AnimalCount }

// Animals returns all animals in chain order.
func Animals() []Animal {
	all := make([]Animal, AnimalCount)
	for i := range all {
		all[i] = Animal(i)
	}
	return all
}

// ParseAnimal finds an animal by name, ignoring case, as the reference server
// does.
func ParseAnimal(name string) (Animal, error) {
	for i, known := range animalNames() {
		if strings.EqualFold(name, known) {
			return Animal(i), nil
		}
	}
	// The name stays out of the message: a near miss would reveal the
	// user's animal wherever the error is shown or logged.
	names := animalNames()
	return 0, inputError("animal", "Unknown animal: choose one of "+strings.Join(names[:], ", "))
}
